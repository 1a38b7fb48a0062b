import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "ISO-02",
  title: "One control, two frameworks",
  track: "grc",
  tier: "intermediate",
  summary: "A SaaS scale-up must show ISO 27001:2022 and NIST CSF 2.0 alignment to a bank customer. Map its real controls to both frameworks, judge the evidence, and find the gaps for the Statement of Applicability.",
  story: `**Lumen Ledger** (180 staff) sells reconciliation software to mid-size banks. Its largest prospect, a bank, sent a due-diligence questionnaire asking for **ISO/IEC 27001:2022 Annex A** references and **NIST CSF 2.0** alignment for each control — and evidence.

You are the **GRC analyst** preparing Lumen for its first certification audit in four months. The CTO's spreadsheet lists controls "as we actually run them". Your job: turn it into a control matrix that survives both the bank's review and the certification auditor.`,
  objectives: [
    "Map operated controls to Annex A and CSF 2.0",
    "Judge whether evidence proves a control operates",
    "Identify gaps and draft Statement of Applicability entries",
  ],
  estimated_minutes: 90,
  skills: ["control-mapping", "compliance", "audit"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["map", "evidence"], items: ["Mappings use 2022 Annex A numbering and CSF 2.0 identifiers"] },
  status: "published",
  stages: [
    {
      key: "map",
      title: "Map the controls",
      instructions: `The CTO's list:

| ID | Control as operated | Owner |
|---|---|---|
| C1 | All staff sign in to Google Workspace and AWS with SSO + hardware security keys | IT |
| C2 | Production logs (CloudTrail, app logs) kept 400 days in a separate log account | Platform |
| C3 | New suppliers complete a security questionnaire before contract signature | Procurement |
| C4 | Laptops have full-disk encryption enforced by MDM | IT |
| C5 | Quarterly restore test of the production database | Platform |

Map each control to one **ISO 27001:2022 Annex A** control (e.g. 5.x organisational, 8.x technological) and one **NIST CSF 2.0** subcategory (GV, ID, PR, DE, RS, RC).

**Hand in:** the Annex A number for C1 in the answer box; the full matrix as a CSV or table file.`,
      required_skills: ["control-mapping"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "The control matrix." },
      notes_min_chars: 20,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*(A\\.?)?8\\.5\\s*$", explanation: "C1 → Annex A 8.5 Secure authentication; CSF PR.AA-03. C2 → 8.15 Logging / DE.CM; C3 → 5.19–5.20 / GV.SC; C4 → 8.1 User endpoint devices (and 8.24) / PR.DS-01; C5 → 8.13 Information backup / RC.RP." },
      answer_prompt: "Annex A control for C1",
      recipes: ["iso27001-nist-csf-mapping"],
      hints: [
        { text: "The 2022 edition renumbered everything: there is no A.9 any more; access and authentication live in 5.15–5.18 and 8.2–8.5.", penalty: 2 },
        { text: "Secure authentication is in the technological theme.", penalty: 5 },
      ],
    },
    {
      key: "evidence",
      title: "Judge the evidence",
      instructions: `The CTO offers this evidence:

| Control | Evidence offered |
|---|---|
| C1 | Screenshot of the Google admin setting "2-Step Verification: enforced, security keys only" dated last week |
| C2 | The Terraform module that configures the log bucket retention |
| C3 | The questionnaire template |
| C4 | MDM compliance report: 176 of 180 laptops encrypted |
| C5 | A Slack message "restore worked 👍" from March |

For each, say whether it proves **design** only or **operating effectiveness over a period**, and what an auditor would ask for instead (e.g. completed questionnaires for a sample of suppliers onboarded this year; restore test records with timings for each quarter; the 4 unencrypted laptops explained).

**Hand in:** the control whose evidence reveals an exception in the answer box (e.g. C3); your assessment in notes.`,
      required_skills: ["audit", "compliance"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "csv"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "regex", pattern: "^\\s*[Cc]4\\s*$", explanation: "The MDM report shows 4 of 180 laptops unencrypted — an exception to investigate." },
      answer_prompt: "Control with an exception",
      recipes: ["audit-evidence-sampling", "iso27001-nist-csf-mapping"],
      hints: [
        { text: "A template or a Terraform module shows design, not operation.", penalty: 2 },
        { text: "Which evidence shows a number below 100%?", penalty: 5 },
      ],
    },
    {
      key: "soa",
      title: "Gaps and the Statement of Applicability",
      instructions: `The bank also asks about Annex A **5.7 Threat intelligence**, **8.16 Monitoring activities** and **8.28 Secure coding**, none of which appear in the CTO's list.

1. For each, decide: applicable or not? (Lumen builds software and holds bank data.)
2. Write the Statement of Applicability entry: justification for inclusion, implementation status, and — where not implemented — the planned control with owner and date.
3. Write the answer you would give the bank today for 8.28, honestly.

**Hand in:** the three SoA entries and the bank answer in notes.`,
      required_skills: ["compliance", "control-mapping"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "csv", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["iso27001-nist-csf-mapping", "risk-register-basics"],
      hints: [
        { text: "A software vendor can hardly justify excluding secure coding.", penalty: 2 },
        { text: "'Planned, owner, date' is a legitimate status; pretending it exists is not.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "mapping", stage: "map", title: "Mapping", weight: 3, skills: ["control-mapping"], levels: [
      { points: 0, label: "Missing", descriptor: "Old 2013 numbering or no mapping." },
      { points: 1, label: "Partial", descriptor: "Some mappings wrong or CSF 1.1 identifiers used." },
      { points: 2, label: "Competent", descriptor: "All five mapped correctly to 2022 Annex A and CSF 2.0." },
      { points: 3, label: "Strong", descriptor: "As competent, noting controls that satisfy several Annex A items." } ] },
    { key: "evidence-judgement", stage: "evidence", title: "Evidence judgement", weight: 2, skills: ["audit"], levels: [
      { points: 0, label: "Missing", descriptor: "Accepts all evidence as is." },
      { points: 1, label: "Partial", descriptor: "Spots weak evidence without saying what would do." },
      { points: 2, label: "Competent", descriptor: "Design vs operation distinguished; better evidence named; C4 exception." },
      { points: 3, label: "Strong", descriptor: "As competent, with a sampling approach for C3 and C5." } ] },
    { key: "soa-entries", stage: "soa", title: "SoA and honesty", weight: 2, skills: ["compliance"], levels: [
      { points: 0, label: "Missing", descriptor: "No entries submitted." },
      { points: 1, label: "Partial", descriptor: "Entries exclude controls without valid justification." },
      { points: 2, label: "Competent", descriptor: "All three applicable, with status and plans." },
      { points: 3, label: "Strong", descriptor: "As competent; the bank answer is honest and still reassuring." } ] },
  ],
};

export default mission;
