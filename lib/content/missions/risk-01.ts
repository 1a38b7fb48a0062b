import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "RISK-01",
  title: "A risk register for the clinic",
  track: "grc",
  tier: "beginner",
  summary: "A physiotherapy practice needs its first risk register for an insurance renewal. Turn worries into risk statements, rate them consistently, and pick treatments with owners.",
  story: `**Elmfield Physio** has four clinics, 35 staff and 9,000 patient records in a cloud practice-management system. Its cyber insurer will only renew next month if the practice can show a **risk register** with owners and treatments.

You are the practice's new **part-time information security and compliance officer**. The practice manager has sent you her notes from a staff meeting — a list of worries, not yet risks.`,
  objectives: [
    "Write risks as cause–event–consequence statements",
    "Rate likelihood and impact with anchored scales",
    "Choose treatments with named owners and compute residual risk",
  ],
  estimated_minutes: 60,
  skills: ["risk-assessment", "communication"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["statements", "rating"], items: ["Every risk has an owner", "Scores follow the stated scales"] },
  status: "published",
  stages: [
    {
      key: "statements",
      title: "From worries to risk statements",
      instructions: `The practice manager's notes:

> - "Reception PCs are shared and nobody locks them"
> - "Our practice-management system is in the cloud — what if it goes down?"
> - "Therapists text patients from personal phones"
> - "We had a fake invoice email last month"
> - "Backups? The IT company says they do them"

Rewrite each as a risk statement: **Because** <cause>, **there is a risk that** <event>, **resulting in** <consequence>. Be specific to Elmfield (patients, clinics, GDPR, money).

**Hand in:** five statements in notes.`,
      required_skills: ["risk-assessment"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "csv"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["risk-register-basics"],
      hints: [
        { text: "A cause is a fact about Elmfield today; an event is something that may happen; a consequence is the harm.", penalty: 2 },
        { text: "Example: Because reception PCs stay logged in when unattended, there is a risk that a visitor views or photographs patient records, resulting in a personal data breach and loss of patient trust.", penalty: 5 },
      ],
    },
    {
      key: "rating",
      title: "Rate the risks",
      instructions: `Use these scales (score = likelihood × impact; 15–25 High, 8–14 Medium, 1–7 Low):

| Score | Likelihood | Impact |
|---|---|---|
| 1 | Less than once in 10 years | < €1k, no patient affected |
| 2 | Once in 5–10 years | < €10k or < 10 patients |
| 3 | Once in 1–5 years | < €50k or < 100 patients, or one day of closure |
| 4 | About once a year | < €250k or < 1,000 patients, or regulator enquiry |
| 5 | More than once a year | ≥ €250k or ≥ 1,000 patients, or fine |

1. Rate each of your five risks (inherent, before controls) with a one-line justification per number.
2. The invoice-fraud risk: the practice receives phishing monthly, and a successful payment diversion would cost about €30,000. Rate it.

**Hand in:** the inherent score of the invoice-fraud risk in the answer box; the rated register (CSV or table) as evidence.`,
      required_skills: ["risk-assessment"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "Your rated register." },
      notes_min_chars: 30,
      weight: 3,
      answer: { kind: "exact", value: "15", explanation: "Likelihood 5 (phishing more than once a year) × impact 3 (< €50k) = 15, High." },
      answer_prompt: "Inherent score of the invoice-fraud risk",
      recipes: ["risk-register-basics"],
      hints: [
        { text: "'Monthly' attempts mean likelihood 5.", penalty: 2 },
        { text: "€30,000 falls in the < €50k band: impact 3.", penalty: 5 },
      ],
    },
    {
      key: "treatment",
      title: "Treat and assign",
      instructions: `For each risk choose a treatment (mitigate, transfer, avoid, accept), name **one person** as owner (practice manager, clinical lead, IT provider account manager…), set a due date, and re-rate the **residual** risk.

Suggested controls to consider: screen lock after 5 minutes and individual logins; a call-back rule for bank detail changes; a clinic messaging app instead of personal phones; a restore test by the IT provider with a written result; the practice-management vendor's SLA and an offline appointment list.

Then write a three-sentence note to the insurer summarising the register.

**Hand in:** the treatment columns and the insurer note in notes.`,
      required_skills: ["risk-assessment", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["csv", "text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["risk-register-basics", "executive-risk-briefing"],
      hints: [
        { text: "'Backups exist' is an assumption until a restore has been tested.", penalty: 2 },
        { text: "A call-back rule on bank detail changes cuts invoice-fraud likelihood sharply for almost no cost.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "risk-statements", stage: "statements", title: "Risk statements", weight: 2, skills: ["risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "Worries copied, not rewritten." },
      { points: 1, label: "Partial", descriptor: "Some statements lack cause or consequence." },
      { points: 2, label: "Competent", descriptor: "Five specific cause–event–consequence statements." },
      { points: 3, label: "Strong", descriptor: "As competent, tied to patients, money and obligations at Elmfield." } ] },
    { key: "risk-rating", stage: "rating", title: "Rating", weight: 3, skills: ["risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No ratings submitted." },
      { points: 1, label: "Partial", descriptor: "Ratings without justification or inconsistent with scales." },
      { points: 2, label: "Competent", descriptor: "Every number justified against the scales; invoice fraud 15." },
      { points: 3, label: "Strong", descriptor: "As competent, with uncertainties noted for follow-up." } ] },
    { key: "risk-treatment", stage: "treatment", title: "Treatment", weight: 2, skills: ["risk-assessment", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No treatments or owners." },
      { points: 1, label: "Partial", descriptor: "Treatments vague or owned by 'IT'." },
      { points: 2, label: "Competent", descriptor: "Specific treatments, named owners, dates, residual ratings." },
      { points: 3, label: "Strong", descriptor: "As competent, with a clear insurer note." } ] },
  ],
};

export default mission;
