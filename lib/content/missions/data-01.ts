import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "DATA-01",
  title: "Impossible travel in the sign-in export",
  track: "innovation",
  tier: "beginner",
  summary: "The identity provider has no impossible-travel alert on the current licence. Use pandas on a sign-in export to find users who signed in from two countries too close together, and decide which is a real compromise.",
  story: `**Pennant Travel** (260 staff, offices in Dublin and Lisbon) books group tours. Its identity provider licence does not include risk-based alerts, and the CFO will not pay for an upgrade until someone shows what it would catch.

You are the **security data analyst** on a small innovation budget. You have a CSV export of last week's sign-ins and a Jupyter notebook. Your findings decide whether the upgrade is worth €18,000 a year.`,
  objectives: [
    "Load and clean a sign-in export with pandas",
    "Implement an impossible-travel rule and explain its assumptions",
    "Triage the hits and present the business case in numbers",
  ],
  estimated_minutes: 60,
  skills: ["data-analysis", "scripting", "identity-security"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["rule", "triage"], items: ["The VPN explanation is ruled in or out with evidence"] },
  status: "published",
  stages: [
    {
      key: "rule",
      title: "Implement the rule",
      instructions: `Extract of \`signins.csv\` (successful sign-ins, UTC):

\`\`\`csv
timestamp,user,ip,country,app,result
2025-06-09T07:58:12Z,l.carvalho,192.0.2.14,PT,Outlook,success
2025-06-09T08:41:03Z,l.carvalho,203.0.113.61,NG,Outlook,success
2025-06-09T09:02:44Z,s.brennan,198.51.100.9,IE,SharePoint,success
2025-06-09T09:47:30Z,s.brennan,198.51.100.200,NL,SharePoint,success
2025-06-09T10:15:00Z,m.oconnor,198.51.100.9,IE,Teams,success
2025-06-09T18:20:55Z,m.oconnor,192.0.2.14,PT,Teams,success
\`\`\`

Notes: \`198.51.100.200\` is Pennant's VPN exit in Amsterdam; \`192.0.2.14\` is the Lisbon office; \`198.51.100.9\` is the Dublin office.

Write the pandas rule: for each user, sort by time; flag consecutive successful sign-ins from **different countries less than 2 hours apart**.

**Hand in:** the users your rule flags, comma-separated, in the answer box; the notebook or script as evidence.`,
      required_skills: ["data-analysis", "scripting"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "json", "pdf"], description: "Notebook (exported) or script with output." },
      notes_min_chars: 20,
      weight: 3,
      answer: { kind: "set", values: ["l.carvalho", "s.brennan"], explanation: "l.carvalho: PT → NG in 43 minutes; s.brennan: IE → NL in 45 minutes. m.oconnor's IE → PT took 8 hours — a flight." },
      answer_prompt: "Flagged users",
      recipes: ["pandas-security-data-analysis"],
      hints: [
        { text: "`df.groupby('user')['country'].shift()` gives the previous country per user.", penalty: 2 },
        { text: "m.oconnor's two sign-ins are 8 hours apart: Dublin to Lisbon is a 2.5-hour flight.", penalty: 5 },
      ],
    },
    {
      key: "triage",
      title: "Triage the hits",
      instructions: `For each flagged user, decide: benign or suspicious? Use what you know about the network (VPN exit, offices) and what you would check next (MFA method used, device, user agent, mailbox rules).

Then improve the rule so the known VPN exit does not produce false positives — without hiding an attacker who also uses a VPN.

**Hand in:** the user who is most likely compromised in the answer box; triage reasoning and the improved rule in notes.`,
      required_skills: ["data-analysis", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "l.carvalho", explanation: "s.brennan's second sign-in is the company VPN; l.carvalho's is from an unknown Nigerian address 43 minutes after Lisbon." },
      answer_prompt: "Most likely compromised user",
      recipes: ["pandas-security-data-analysis", "splunk-spl-auth-failures"],
      hints: [
        { text: "Map IPs to known company egress points before comparing countries.", penalty: 2 },
        { text: "Treat the VPN as 'location unknown' rather than 'location NL'.", penalty: 5 },
      ],
    },
    {
      key: "case",
      title: "Make the business case",
      instructions: `Write a half-page note to the CFO:

1. What your one-week analysis found (one likely compromise) and what would have happened without it (mailbox access to booking and payment emails).
2. What the €18,000 licence adds beyond your script (real-time detection, automatic session revocation, risk-based MFA) and what your script can keep doing for free.
3. A recommendation with one metric to review after three months.

**Hand in:** the note in notes.`,
      required_skills: ["communication", "data-analysis"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["security-budget-business-case", "executive-risk-briefing"],
      hints: [
        { text: "A weekly script finds compromises days late; say what those days cost.", penalty: 2 },
        { text: "Offer a metric such as 'time from risky sign-in to session revocation'.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "travel-rule", stage: "rule", title: "Rule implementation", weight: 3, skills: ["data-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "No working rule submitted." },
      { points: 1, label: "Partial", descriptor: "Rule works but timezone or sorting errors." },
      { points: 2, label: "Competent", descriptor: "Correct per-user, time-sorted rule flagging two users." },
      { points: 3, label: "Strong", descriptor: "As competent, with assumptions (2-hour threshold) stated and parameterised." } ] },
    { key: "hit-triage", stage: "triage", title: "Triage", weight: 2, skills: ["identity-security"], levels: [
      { points: 0, label: "Missing", descriptor: "Hits not triaged." },
      { points: 1, label: "Partial", descriptor: "Both hits treated alike." },
      { points: 2, label: "Competent", descriptor: "VPN case explained, l.carvalho escalated with next checks." },
      { points: 3, label: "Strong", descriptor: "As competent, improved rule avoids blind spots." } ] },
    { key: "business-case", stage: "case", title: "Business case", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No note submitted." },
      { points: 1, label: "Partial", descriptor: "Technical summary without recommendation." },
      { points: 2, label: "Competent", descriptor: "Findings, value of the licence vs script, recommendation." },
      { points: 3, label: "Strong", descriptor: "As competent, with a measurable review point." } ] },
  ],
};

export default mission;
