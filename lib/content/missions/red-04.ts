import type { MissionInput } from "../schemas";

// Offensive / mastery: plan → [deconflict | go-loud] → execute-objective → [report | purple debrief] …
const mission: MissionInput = {
  code: "RED-04",
  title: "Operation Lantern: emulate, get caught, adapt",
  track: "offensive",
  tier: "mastery",
  summary: "Lead a threat-led red team engagement for a bank: build a threat-intelligence-based emulation plan, handle a detection mid-operation, reach the objective within the rules, and turn it all into improvements the blue team will own.",
  story: `**Meridian Cooperative Bank** (1.1 million members) must run a threat-led penetration test under its regulator's TIBER-style framework. A threat intelligence provider has delivered the targeted threat intelligence report; the bank's **White Team** (three people who know about the test) will arbitrate. The SOC does not know.

You are the **red team lead**. Your flag: demonstrate that an attacker could initiate a payment instruction in the *payments staging* environment (\`pay-stg\`) — without touching production payments. Your team has eight weeks, two operators, and a hard rule: anything that risks member data or live payments needs White Team approval first.`,
  objectives: [
    "Build an emulation plan from threat intelligence mapped to ATT&CK",
    "Define rules of engagement, deconfliction and abort criteria",
    "Make and justify operational decisions when detected",
    "Deliver findings and a purple-team replay the blue team can learn from",
  ],
  estimated_minutes: 480,
  skills: ["red-team-planning", "mitre-attack", "threat-intelligence", "reporting", "communication"],
  time_constraint_hours: 168,
  auto_submit_on_deadline: false,
  reflection_required: true,
  success_criteria: { min_score: 70, required_stages: ["plan", "objective", "report"], items: ["Every planned TTP traces to the threat intelligence", "Abort criteria are explicit"] },
  status: "published",
  stages: [
    {
      key: "plan",
      title: "Emulation plan and rules of engagement",
      instructions: `The threat intelligence report summarises the two most relevant actors:

| Actor | Initial access | Execution / persistence | Lateral movement | Objective behaviour |
|---|---|---|---|---|
| FIN-LANTERN (criminal) | Spear-phishing with ISO attachments (T1566.001) | LNK → rundll32 loader (T1218.011); scheduled tasks (T1053.005) | RDP with stolen creds (T1021.001) | Payment system operator workstation takeover |
| APT-HERON (state-linked) | Exploiting edge VPN appliances (T1190) | Web shells (T1505.003) | SMB/WMI (T1047) | Long-term espionage |

1. Choose the actor to emulate and justify it against the flag.
2. Write the **emulation plan**: per phase, the ATT&CK technique, the procedure you will use, and the detection you expect.
3. Write the **rules of engagement**: scope, out-of-scope (production payments, member data), working hours, White Team contacts, abort criteria (e.g. unexpected production impact, evidence of a real attacker), and the deconfliction process if the SOC escalates externally.

**Hand in:** the technique ID of your planned initial access in the answer box; the plan and rules of engagement as an attached file.`,
      required_skills: ["red-team-planning", "threat-intelligence", "mitre-attack"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["pdf", "text"], description: "Emulation plan and rules of engagement." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*[Tt]1566(\\.001)?\\s*$", explanation: "FIN-LANTERN fits a payments flag; its initial access is spear-phishing attachment T1566.001." },
      answer_prompt: "Initial access technique ID",
      recipes: ["adversary-emulation-plan", "mitre-attack-mapping"],
      hints: [
        { text: "The flag is about payments: which actor's objective matches?", penalty: 3 },
        { text: "Abort criteria must be things an operator can recognise in the moment.", penalty: 6 },
      ],
    },
    {
      key: "burned",
      title: "Detected: the SOC is escalating",
      instructions: `Week 3. Your loader on \`WS-PAY-OPS-04\` triggered an EDR alert; the SOC has isolated the host and the SOC manager is about to call the bank's external incident response retainer and the national CSIRT.

You chose to go quiet and keep operating through your second foothold. Within four hours the retainer is on site, billing, and the CSIRT has opened a case.

1. Write the White Team message you should have sent at the first sign of escalation: what, when, which host, the test ID, request to hold the external escalation.
2. Write the corrective plan: how the White Team now de-escalates with the retainer and CSIRT, what it costs, and how you protect the SOC's learning (their detection was *good*).

**Hand in:** both texts in notes.`,
      required_skills: ["communication", "red-team-planning"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["adversary-emulation-plan", "critical-finding-notification"],
      hints: [
        { text: "Deconfliction exists to stop real-world costs, not to save the red team's foothold.", penalty: 3 },
        { text: "Credit the SOC publicly in the debrief: a detection is a finding in the bank's favour.", penalty: 6 },
      ],
      next: "objective",
    },
    {
      key: "objective",
      title: "Reach the flag within the rules",
      instructions: `You regain access (with the White Team's agreement, a *leg-up* foothold on a payments operator workstation is granted after the detection). On \`WS-PAY-OPS-02\` you find:

\`\`\`
C:\\Users\\r.lindqvist\\AppData\\Roaming\\PayStudio\\profiles.xml
  <profile name="pay-stg" endpoint="https://pay-stg.meridian-bank.test" user="r.lindqvist" savedCredential="DPAPI" />
  <profile name="pay-prod" endpoint="https://pay.meridian-bank.test" user="r.lindqvist" savedCredential="DPAPI" />
\`\`\`

The operator has saved credentials for **both** staging and production.

1. Describe how you would use the saved staging profile to create a payment instruction in \`pay-stg\` and what proof you collect.
2. State what you will **not** do with the production profile and how you record that it was reachable.
3. Describe your clean-up (remove tooling, scheduled tasks, accounts) and the list you give the White Team.

**Hand in:** the exact environment name you acted in, as in the profile, in the answer box; the procedure, proof and clean-up list in notes.`,
      required_skills: ["red-team-planning", "reporting"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["image", "pdf", "text"], description: "Redacted proof of the staging payment instruction." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "pay-stg", explanation: "Only staging is in scope; the reachable production profile is recorded as a finding, never used." },
      answer_prompt: "Environment you acted in",
      recipes: ["adversary-emulation-plan"],
      hints: [
        { text: "Reachability of production is itself the headline finding — you do not need to touch it to prove it.", penalty: 3 },
        { text: "Your clean-up list should map one-to-one to the artefacts in your operator log.", penalty: 6 },
      ],
    },
    {
      key: "purple",
      title: "Purple-team replay",
      instructions: `The bank wants to learn from the detection that nearly ended the test, and from the steps it missed. Design a half-day **purple-team replay** with the SOC:

1. Select five techniques from your operator log: the one that was detected and four that were not.
2. For each: the exact procedure to replay, the telemetry that should appear (Sysmon/EDR event), the detection that exists or should be built, and who owns it.
3. Define success for the session (e.g. four of five techniques produce an alert by the end of the day).

**Hand in:** the replay plan in notes.`,
      required_skills: ["mitre-attack", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["detection-test-with-atomic-red-team", "mitre-attack-mapping"],
      hints: [
        { text: "Replays are collaborative: announce each step, then let the SOC look before revealing.", penalty: 3 },
        { text: "Every undetected technique should leave the session with an owner and a due date.", penalty: 6 },
      ],
    },
    {
      key: "report",
      title: "Red team report",
      instructions: `Write the red team report for the bank's board risk committee and the regulator:

- **Executive summary** (one page): flag reached or not, how far an attacker could have gone (production payments reachable), the three most important improvements.
- **Attack narrative** with a timeline and ATT&CK mapping.
- **Detection and response assessment**: what the SOC saw, how fast, and what happened with the escalation.
- **Findings** with severity and remediation (saved production credentials on operator workstations; payments app allows saved credentials; …).

**Hand in:** the report as an attached PDF.`,
      required_skills: ["reporting", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf"], description: "The red team report." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["cvss-finding-writeup", "executive-risk-briefing"],
      hints: [
        { text: "The board needs 'could an attacker move money?' answered in the first paragraph.", penalty: 3 },
        { text: "Report the SOC's detection as a strength, with its time to detect.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "detected",
      after_stage: "plan",
      prompt: "Week 3: the SOC isolates your first foothold and prepares to call the external IR retainer and the CSIRT. What do you do?",
      choices: [
        {
          id: "deconflict",
          label: "Call the White Team immediately and follow the deconfliction process",
          consequence: "The White Team lets the SOC complete its internal response, stops the external escalation quietly, and grants a leg-up foothold so the test can reach the flag.",
          next_stage: "objective",
          score_delta: 15,
          ideal: true,
          rationale: "Deconfliction prevents real-world cost (retainer, CSIRT), protects the test's confidentiality, and lets the detection count as a success for the bank.",
        },
        {
          id: "go-quiet",
          label: "Go quiet and continue through your second foothold",
          consequence: "The external escalation happens. The bank pays a retainer call-out and has to explain a 'false' CSIRT report.",
          next_stage: "burned",
          score_delta: -15,
        },
      ],
    },
    {
      key: "after-objective",
      after_stage: "objective",
      prompt: "The flag is captured. The White Team offers an extra day: a purple-team replay with the SOC, or straight to reporting?",
      choices: [
        {
          id: "purple",
          label: "Run the purple-team replay before reporting",
          consequence: "The SOC builds two new detections during the session; your report can state them as already remediated.",
          next_stage: "purple",
          score_delta: 10,
          ideal: true,
          rationale: "The goal of a threat-led test is improved resilience. A replay converts findings into detections while the context is fresh.",
        },
        {
          id: "report-only",
          label: "Go straight to the report",
          consequence: "The report is delivered on time; the detections remain on a backlog.",
          next_stage: "report",
          score_delta: 0,
        },
      ],
    },
  ],
  rubric: [
    { key: "emulation-plan", stage: "plan", title: "Emulation plan and RoE", weight: 3, skills: ["red-team-planning", "threat-intelligence"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan, or TTPs unrelated to the intelligence." },
      { points: 1, label: "Partial", descriptor: "TTPs listed without procedures or abort criteria." },
      { points: 2, label: "Competent", descriptor: "Actor justified, per-phase plan with ATT&CK and expected detections, clear RoE." },
      { points: 3, label: "Strong", descriptor: "As competent, with explicit abort criteria and a tested deconfliction path." } ] },
    { key: "recovery", stage: "burned", title: "Recovering from a poor call", weight: 1, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No message or plan submitted." },
      { points: 1, label: "Partial", descriptor: "Message sent late or vague." },
      { points: 2, label: "Competent", descriptor: "Clear White Team message and de-escalation plan." },
      { points: 3, label: "Strong", descriptor: "As competent, with honest ownership and credit to the SOC." } ] },
    { key: "objective-conduct", stage: "objective", title: "Objective within the rules", weight: 3, skills: ["red-team-planning"], levels: [
      { points: 0, label: "Missing", descriptor: "Production touched or no proof." },
      { points: 1, label: "Partial", descriptor: "Flag reached, clean-up missing." },
      { points: 2, label: "Competent", descriptor: "Staging only, proof redacted, production reachability recorded, clean-up listed." },
      { points: 3, label: "Strong", descriptor: "As competent, with an operator log that makes every artefact traceable." } ] },
    { key: "purple-replay", stage: "purple", title: "Purple-team replay", weight: 2, skills: ["mitre-attack"], levels: [
      { points: 0, label: "Missing", descriptor: "No replay plan submitted." },
      { points: 1, label: "Partial", descriptor: "Techniques listed without telemetry or owners." },
      { points: 2, label: "Competent", descriptor: "Five techniques with procedure, telemetry, detection and owner." },
      { points: 3, label: "Strong", descriptor: "As competent, with a measurable success criterion." } ] },
    { key: "red-report", stage: "report", title: "Red team report", weight: 3, skills: ["reporting"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Technical narrative only." },
      { points: 2, label: "Competent", descriptor: "Executive summary, narrative with ATT&CK, detection assessment, findings." },
      { points: 3, label: "Strong", descriptor: "As competent, written for both the board and the regulator." } ] },
  ],
};

export default mission;
