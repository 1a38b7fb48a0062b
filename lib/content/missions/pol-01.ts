import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "POL-01",
  title: "Rewrite the password policy",
  track: "grc",
  tier: "beginner",
  summary: "A 2012-era password policy forces monthly changes and complex rules but says nothing about MFA. Compare it to NIST SP 800-63B, identify the outdated clauses, and write a short policy people will follow.",
  story: `**Greyfriars Housing Association** manages 6,000 homes and holds tenants' benefit and health information. Its password policy was written in 2012. Staff write passwords on sticky notes because of the 30-day rotation, and the helpdesk spends a day a week on lockouts.

You are the **GRC analyst**. The Chief Operating Officer wants a modern policy in front of the leadership team next week — short, enforceable, and aligned with current guidance.`,
  objectives: [
    "Compare a policy against NIST SP 800-63B",
    "Identify clauses that reduce security or usability",
    "Write a clear, enforceable replacement",
  ],
  estimated_minutes: 50,
  skills: ["policy-writing", "identity-security", "compliance"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["gap", "draft"], items: ["Every outdated clause is identified with the guidance it contradicts"] },
  status: "published",
  stages: [
    {
      key: "gap",
      title: "Gap analysis",
      instructions: `Current policy extract (IS-POL-04, v1.3, 2012):

> **4.1** Passwords must be at least 8 characters.
> **4.2** Passwords must contain an upper-case letter, a lower-case letter, a digit and a symbol.
> **4.3** Passwords must be changed every 30 days; the last 12 passwords may not be reused.
> **4.4** Accounts lock for 30 minutes after 3 failed attempts.
> **4.5** Users may write down passwords if stored in a locked drawer.
> **4.6** Password hints are permitted to reduce helpdesk calls.
> **4.7** Administrators must use the same password rules as users.

Compare each clause with **NIST SP 800-63B** (memorized secrets): minimum length, composition rules, periodic rotation, blocklists of breached passwords, throttling, hints, and MFA.

**Hand in:** the clause numbers that contradict SP 800-63B, comma-separated, in the answer box; a table (clause, problem, guidance) in notes.`,
      required_skills: ["policy-writing", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 3,
      answer: {
        kind: "set",
        values: ["4.2", "4.3", "4.6"],
        min_matches: 3,
        explanation: "800-63B says: no composition rules (4.2), no periodic rotation without evidence of compromise (4.3), no hints (4.6). 4.1 (8 minimum) is the floor, 4.4 is throttling (acceptable though harsh), 4.5 and 4.7 are weak but not direct contradictions.",
      },
      answer_prompt: "Clauses that contradict SP 800-63B",
      recipes: ["password-policy-modernisation"],
      hints: [
        { text: "SP 800-63B §5.1.1.2 lists what verifiers SHALL NOT and SHOULD NOT do.", penalty: 2 },
        { text: "Look for composition rules, forced periodic changes and hints.", penalty: 5 },
      ],
    },
    {
      key: "draft",
      title: "Draft the new policy",
      instructions: `Write the replacement policy (max. one page) using **MUST / SHOULD** language:

- minimum 12 characters for staff (15 for administrators), passphrases encouraged, no composition rules;
- change only on evidence of compromise;
- screening against a breached-password list at set and change time;
- MFA required for email, remote access and all administrator accounts (phishing-resistant for admins);
- password manager provided and allowed;
- throttling that protects against guessing without a lockout storm (e.g. 10 attempts, then progressive delay);
- scope, owner, review date, exceptions process.

**Hand in:** the policy as an attached file.`,
      required_skills: ["policy-writing"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "The new policy." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["password-policy-modernisation"],
      hints: [
        { text: "A policy states what and who; the how belongs in a standard or procedure.", penalty: 2 },
        { text: "Every MUST should be something IT can enforce or audit.", penalty: 5 },
      ],
    },
    {
      key: "pitch",
      title: "Pitch it to leadership",
      instructions: `Leadership's worry: *"Isn't dropping the 30-day change less secure?"*

Write a half-page briefing that answers it: why forced rotation leads to predictable passwords (Summer2024! → Autumn2024!), what actually stops account takeover (MFA, breached-password screening), the helpdesk time saved, and the compliance position (NCSC and NIST guidance; cyber insurance questionnaires ask about MFA, not rotation).

**Hand in:** the briefing in notes.`,
      required_skills: ["communication", "compliance"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["executive-risk-briefing", "password-policy-modernisation"],
      hints: [
        { text: "Lead with the decision you want: approve policy v2.0 and MFA rollout.", penalty: 2 },
        { text: "Quantify the helpdesk day per week the change gives back.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "gap-analysis", stage: "gap", title: "Gap analysis", weight: 3, skills: ["policy-writing"], levels: [
      { points: 0, label: "Missing", descriptor: "No comparison to guidance." },
      { points: 1, label: "Partial", descriptor: "Some gaps found, guidance not cited." },
      { points: 2, label: "Competent", descriptor: "4.2, 4.3, 4.6 identified with the guidance; weak clauses noted." },
      { points: 3, label: "Strong", descriptor: "As competent, and notes what is missing entirely (MFA, blocklist)." } ] },
    { key: "policy-draft", stage: "draft", title: "Policy draft", weight: 3, skills: ["policy-writing"], levels: [
      { points: 0, label: "Missing", descriptor: "No draft submitted submitted." },
      { points: 1, label: "Partial", descriptor: "Modern content, but vague or unenforceable wording." },
      { points: 2, label: "Competent", descriptor: "One page, MUST/SHOULD language, all required elements." },
      { points: 3, label: "Strong", descriptor: "As competent, with ownership, review date and exceptions process." } ] },
    { key: "leadership-pitch", stage: "pitch", title: "Leadership pitch", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No briefing submitted." },
      { points: 1, label: "Partial", descriptor: "Technical argument without business framing." },
      { points: 2, label: "Competent", descriptor: "Answers the rotation worry with evidence and benefits." },
      { points: 3, label: "Strong", descriptor: "As competent, with a clear ask and quantified helpdesk savings." } ] },
  ],
};

export default mission;
