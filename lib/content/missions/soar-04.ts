import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "SOAR-04",
  title: "Automate phishing triage without automating mistakes",
  track: "innovation",
  tier: "mastery",
  summary: "A hospital SOC drowns in reported phishing. Design an automated triage playbook, prototype its scoring, measure it against a labelled week of reports, and decide how much to let it act alone.",
  story: `**St Brigid's University Hospital** (6,500 staff) receives about 900 user-reported emails a week. Two analysts triage them by hand; the median time to purge a confirmed phish from all mailboxes is **4 hours**, and clinicians click in the meantime. Last quarter a credential phish led to an attacker reading a consultant's mailbox for two days.

You are the **security automation lead**. You have a SOAR platform licence, six weeks, and a clear brief from the CISO: *cut time-to-purge below 15 minutes for real phish without ever auto-deleting a genuine clinical email.*`,
  objectives: [
    "Design a triage playbook with clear decision points and human checkpoints",
    "Prototype a scoring model and measure precision and recall on labelled data",
    "Choose an automation level justified by the measurements",
    "Present the outcome with metrics leadership understands",
  ],
  estimated_minutes: 480,
  skills: ["automation", "data-analysis", "phishing-analysis", "prototyping", "metrics"],
  time_constraint_hours: 168,
  reflection_required: true,
  success_criteria: { min_score: 70, required_stages: ["design", "measure"], items: ["Automation level follows from measured false-positive rate"] },
  status: "published",
  stages: [
    {
      key: "design",
      title: "Design the playbook",
      instructions: `Design the playbook as a flow with numbered steps:

1. **Ingest** the reported email (.eml attached to the report).
2. **Enrich**: header authentication results, sender domain age, URL reputation and sandbox verdict, attachment hash lookup, how many staff received it.
3. **Score** (you prototype this next).
4. **Decide**: thresholds for *auto-close as benign*, *analyst review*, *auto-contain*.
5. **Act**: purge from mailboxes (search by Message-ID), block sender/URLs, reset credentials of users who clicked (from proxy logs), notify reporters.
6. **Learn**: feed analyst verdicts back to tune the score.

Mark every step where a human must approve, and what the playbook does if an enrichment service is down.

**Hand in:** the playbook diagram or structured description as an attached file.`,
      required_skills: ["automation", "phishing-analysis"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["pdf", "image", "text"], description: "Playbook design." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["soar-playbook-design", "email-header-analysis"],
      hints: [
        { text: "Fail safe: if enrichment fails, route to an analyst, never to auto-close.", penalty: 3 },
        { text: "Message-ID lets you find every copy of the same email across mailboxes.", penalty: 6 },
      ],
    },
    {
      key: "measure",
      title: "Prototype and measure the score",
      instructions: `You score last week's 900 reports (labelled afterwards by analysts) with your prototype. At a threshold of **score ≥ 80 → auto-contain**:

| | Labelled phish | Labelled benign |
|---|---|---|
| Score ≥ 80 | 188 | 2 |
| Score < 80 | 22 | 688 |

The two benign emails above the threshold were a genuine pathology results notification from an external lab (new sending domain) and an IT newsletter with a tracking link.

1. Compute **precision** and **recall** for auto-contain at this threshold.
2. Explain what each number means for clinicians and for analysts.
3. Propose changes that would remove those two false positives (allow-listing known clinical partners, a higher threshold for emails to clinical distribution lists).

**Hand in:** precision as a percentage rounded to one decimal in the answer box; the calculation and analysis in notes; your notebook or script as evidence.`,
      required_skills: ["data-analysis", "prototyping"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "json", "csv", "pdf"], description: "Scoring prototype and evaluation." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*98[.,]9\\s*%?\\s*$", explanation: "Precision = 188 / (188 + 2) = 98.9%. Recall = 188 / (188 + 22) = 89.5%." },
      answer_prompt: "Precision (%)",
      recipes: ["pandas-security-data-analysis", "soar-playbook-design"],
      hints: [
        { text: "Precision = true positives / everything the rule flagged.", penalty: 3 },
        { text: "188 / 190.", penalty: 6 },
      ],
    },
    {
      key: "full-auto",
      title: "A clinical email gets purged",
      instructions: `You enabled full auto-containment. On day 3, the playbook purged a results email from an external pathology lab to 40 ward staff; a registrar noticed a missing result two hours later.

1. Run the incident: restore the email to all recipients (from the purge log), inform the wards, and confirm no patient harm with the clinical safety officer.
2. Root-cause the false positive and fix it.
3. Redesign the automation level: which categories stay fully automatic and which need one-click analyst approval.

**Hand in:** incident summary and redesign in notes.`,
      required_skills: ["automation", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["soar-playbook-design", "ir-escalation-ticket"],
      hints: [
        { text: "In a hospital, a missing result is a patient-safety event: involve the clinical safety officer.", penalty: 3 },
        { text: "Reversible actions (quarantine) are safer to automate than irreversible ones (hard delete).", penalty: 6 },
      ],
      next: "report",
    },
    {
      key: "tiered",
      title: "Build the tiered automation",
      instructions: `Implement the tiered model:

- **Fully automatic**: score ≥ 95 *and* not sent to clinical distribution lists *and* sender not on the partner allow-list → quarantine (reversible) from all mailboxes, block URLs, notify reporters.
- **One-click approval**: score 80–94, or any clinical recipient → analyst approves in the chat tool; target approval within 10 minutes.
- **Analyst queue**: score < 80.

Estimate, from last week's data, how many emails fall in each tier and the expected time-to-contain for each.

**Hand in:** the tier rules and estimates in notes.`,
      required_skills: ["automation", "data-analysis"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "csv"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["soar-playbook-design", "pandas-security-data-analysis"],
      hints: [
        { text: "Quarantine, not delete: every automatic action must be reversible.", penalty: 3 },
        { text: "Estimate approvals per analyst per day to check the one-click tier is sustainable.", penalty: 6 },
      ],
    },
    {
      key: "report",
      title: "Report the results",
      instructions: `Write a one-page report for the CISO and the Director of Nursing:

1. Before/after metrics: median time-to-contain for confirmed phish, analyst hours per week, false-positive purges.
2. What is automatic, what needs approval, and why.
3. Safety guarantees for clinical email.
4. Next steps and the metric you will report monthly.

**Hand in:** the report as an attached file.`,
      required_skills: ["metrics", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "The results report." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["security-metrics-dashboard", "executive-risk-briefing"],
      hints: [
        { text: "Lead with the time-to-contain improvement; it is what the brief asked for.", penalty: 3 },
        { text: "Report false-positive purges as a safety metric with a target of zero.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "automation-level",
      after_stage: "measure",
      prompt: "Precision is 98.9% at score ≥ 80. The CISO asks: can we switch on full auto-containment now?",
      choices: [
        {
          id: "tiered",
          label: "No: tiered automation with reversible actions and approval for clinical recipients",
          consequence: "Most confirmed phish is quarantined in under 5 minutes; clinical email always gets a human check.",
          next_stage: "tiered",
          score_delta: 15,
          ideal: true,
          rationale: "98.9% precision still means about two wrongly purged emails a week; in a hospital one of them can be a clinical result. Tiering keeps speed where it is safe.",
        },
        {
          id: "full-auto",
          label: "Yes: 98.9% is excellent, switch it on",
          consequence: "Time-to-purge drops to minutes. On day 3, a pathology results email disappears from 40 ward mailboxes.",
          next_stage: "full-auto",
          score_delta: -15,
        },
      ],
    },
  ],
  rubric: [
    { key: "playbook-design", stage: "design", title: "Playbook design", weight: 2, skills: ["automation"], levels: [
      { points: 0, label: "Missing", descriptor: "No design submitted." },
      { points: 1, label: "Partial", descriptor: "Linear flow without decision points or failure handling." },
      { points: 2, label: "Competent", descriptor: "Complete flow, human checkpoints, fail-safe behaviour." },
      { points: 3, label: "Strong", descriptor: "As competent, with a feedback loop and clinical-specific handling." } ] },
    { key: "measurement", stage: "measure", title: "Measurement", weight: 3, skills: ["data-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "No metrics submitted." },
      { points: 1, label: "Partial", descriptor: "Precision or recall wrong." },
      { points: 2, label: "Competent", descriptor: "Both correct, meaning explained for each audience." },
      { points: 3, label: "Strong", descriptor: "As competent, with concrete fixes for the two false positives." } ] },
    { key: "incident-handling", stage: "full-auto", title: "Handling the false purge", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No response submitted." },
      { points: 1, label: "Partial", descriptor: "Restores email but ignores patient safety." },
      { points: 2, label: "Competent", descriptor: "Restore, safety check, root cause, redesign." },
      { points: 3, label: "Strong", descriptor: "As competent, with reversible actions as a principle." } ] },
    { key: "tier-design", stage: "tiered", title: "Tiered automation", weight: 2, skills: ["automation"], levels: [
      { points: 0, label: "Missing", descriptor: "No tiers submitted." },
      { points: 1, label: "Partial", descriptor: "Tiers without estimates." },
      { points: 2, label: "Competent", descriptor: "Clear rules, reversible actions, volume and time estimates." },
      { points: 3, label: "Strong", descriptor: "As competent, with analyst capacity checked." } ] },
    { key: "results-report", stage: "report", title: "Results report", weight: 2, skills: ["metrics", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Metrics without context or safety view." },
      { points: 2, label: "Competent", descriptor: "Before/after metrics, automation rationale, safety guarantees." },
      { points: 3, label: "Strong", descriptor: "As competent, written for both security and clinical leaders." } ] },
  ],
};

export default mission;
