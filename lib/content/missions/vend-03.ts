import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "VEND-03",
  title: "The payroll vendor's SOC 2 report",
  track: "grc",
  tier: "advanced",
  summary: "Procurement wants to sign a payroll SaaS by Friday. Read its SOC 2 Type II report for period, scope, carve-outs and exceptions, then decide: approve, approve with conditions, or escalate.",
  story: `**Northgate Retail** (5,500 staff, 120 stores) is replacing its payroll system. The preferred vendor, **PayBridge**, will hold every employee's bank details, national insurance number and salary. Procurement has negotiated a good price and wants to sign on Friday.

You are the **third-party risk lead**. PayBridge has sent its SOC 2 Type II report under NDA. Your recommendation goes to the CFO, who owns the contract.`,
  objectives: [
    "Check a SOC 2 report's period, scope and subservice organisations",
    "Assess control exceptions and complementary user entity controls",
    "Make and justify a risk decision with contract conditions",
  ],
  estimated_minutes: 120,
  skills: ["vendor-risk", "audit", "risk-assessment", "communication"],
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["scope", "exceptions"], items: ["The bridge-period gap and the carve-out are identified"] },
  status: "published",
  stages: [
    {
      key: "scope",
      title: "Period, scope and carve-outs",
      instructions: `Extracts from the report:

> **Section I — Opinion.** … the controls were suitably designed and operated effectively throughout the period **1 January 2024 to 30 September 2024** … Trust services criteria: Security, Availability, Confidentiality.
> **Section III — System description.** PayBridge uses **CloudCo** for infrastructure hosting and **MailerHub** for payslip email delivery. The description **excludes** the controls of these subservice organisations (**carve-out method**).
> The description covers the PayBridge Payroll platform. The **PayBridge Mobile app** is not in scope.

Today is **14 May 2025**. Northgate staff will access payslips mainly through the mobile app.

1. How many months have passed since the end of the report period? What document do you request to cover the gap?
2. What does the carve-out mean for you, and what do you ask for about CloudCo and MailerHub?
3. What does the mobile-app exclusion mean?

**Hand in:** the number of full months between the period end and today in the answer box; your analysis in notes.`,
      required_skills: ["vendor-risk", "audit"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "7", explanation: "30 September 2024 to 14 May 2025 is 7 full months: ask for a bridge (gap) letter, and the next report date." },
      answer_prompt: "Full months since the period end",
      recipes: ["soc2-report-review"],
      hints: [
        { text: "Count from 30 September 2024: end of October is 1 month, … end of April is 7.", penalty: 3 },
        { text: "Carve-out means the auditor did not test CloudCo or MailerHub: you need their own reports.", penalty: 6 },
      ],
    },
    {
      key: "exceptions",
      title: "Exceptions and user-entity controls",
      instructions: `Section IV, testing results (extract):

| Control | Test | Result |
|---|---|---|
| CC6.2 Access for new users is approved | 25 of 25 samples approved | No exceptions |
| CC6.3 Access removed within 1 business day of termination | 25 samples | **Exception: 4 of 25 leavers retained access 6–19 days** |
| CC7.2 Security events are monitored and triaged | Inspected alert tickets | No exceptions |
| CC8.1 Changes are tested and approved | 40 samples | **Exception: 2 emergency changes without post-approval** |

Management response to CC6.3: *"A new HR-to-IdP integration was deployed in October 2024."*

Complementary user entity controls (CUECs) listed: *customers are responsible for configuring SSO/MFA, reviewing their administrator accounts quarterly, and protecting payroll export files.*

1. Rate each exception's relevance to Northgate.
2. Explain why the management response does not yet give assurance.
3. List the CUECs Northgate must operate, with an owner for each.

**Hand in:** the control ID with the most relevant exception in the answer box; analysis in notes.`,
      required_skills: ["audit", "risk-assessment"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*CC6\\.3\\s*$", explanation: "Leavers keeping access to a payroll platform for up to 19 days is the most relevant failure; 16% sample exception rate." },
      answer_prompt: "Most relevant exception (control ID)",
      recipes: ["soc2-report-review", "audit-evidence-sampling"],
      hints: [
        { text: "Which failure would let a former PayBridge employee see Northgate salaries?", penalty: 3 },
        { text: "The fix was deployed after the period: nobody has tested it yet.", penalty: 6 },
      ],
    },
    {
      key: "conditions",
      title: "Approve with conditions",
      instructions: `Write the conditions for contract signature and the first 90 days, e.g.:

- bridge letter now and the next SOC 2 report within 6 months, with CC6.3 retested;
- CloudCo SOC 2 and MailerHub security evidence before go-live;
- mobile app: penetration test summary or a contractual commitment to bring it into scope;
- contract clauses: breach notification within 24 hours, right to audit, data location, deletion on exit;
- Northgate CUECs in place before go-live (SSO with MFA, quarterly admin review).

Then write the half-page recommendation to the CFO.

**Hand in:** conditions and recommendation as an attached file.`,
      required_skills: ["vendor-risk", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "Conditions and CFO recommendation." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["soc2-report-review", "executive-risk-briefing"],
      hints: [
        { text: "Every condition needs a date and a consequence if missed.", penalty: 3 },
        { text: "Conditions Northgate must meet itself (CUECs) belong in the plan too.", penalty: 6 },
      ],
      next: "end",
    },
    {
      key: "acceptance",
      title: "Formal risk acceptance",
      instructions: `You escalated: the CFO must formally accept the residual risk to sign on Friday. Write the **risk acceptance record**:

1. Risk statement (cause–event–consequence) covering the access-removal exception, the untested period and the out-of-scope mobile app.
2. Inherent and residual rating on Northgate's 5×5 scale, with the compensating measures.
3. Acceptance conditions, expiry date (e.g. 6 months) and re-review trigger.
4. The CFO's decision options and signature block.

**Hand in:** the record as an attached file.`,
      required_skills: ["risk-assessment", "vendor-risk"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "Risk acceptance record." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["risk-register-basics", "soc2-report-review"],
      hints: [
        { text: "An acceptance without an expiry date becomes permanent by default.", penalty: 3 },
        { text: "The accepting executive must own the budget and the consequence: here, the CFO.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "recommendation",
      after_stage: "exceptions",
      prompt: "Procurement wants to sign on Friday. What do you recommend?",
      choices: [
        {
          id: "approve-conditions",
          label: "Approve with conditions and a 90-day plan",
          consequence: "Procurement grumbles about the extra clauses but PayBridge accepts them; the bridge letter arrives on Thursday.",
          next_stage: "conditions",
          score_delta: 10,
          ideal: true,
          rationale: "The exceptions are real but remediable; conditions tied to the contract give leverage that disappears after signature.",
        },
        {
          id: "escalate",
          label: "Escalate for a formal risk acceptance by the CFO",
          consequence: "The CFO asks for a clear record of what she is accepting and for how long.",
          next_stage: "acceptance",
          score_delta: 0,
        },
        {
          id: "approve-as-is",
          label: "Approve: a clean opinion is a clean opinion",
          consequence: "The contract is signed. Eight months later, a PayBridge leaver still has access during a dispute and exports Northgate salary data.",
          next_stage: "end",
          score_delta: -15,
        },
      ],
    },
  ],
  rubric: [
    { key: "scope-analysis", stage: "scope", title: "Scope analysis", weight: 2, skills: ["vendor-risk"], levels: [
      { points: 0, label: "Missing", descriptor: "Report accepted at face value." },
      { points: 1, label: "Partial", descriptor: "Period gap found; carve-out or app exclusion missed." },
      { points: 2, label: "Competent", descriptor: "Gap, carve-out and mobile exclusion all addressed with requests." },
      { points: 3, label: "Strong", descriptor: "As competent, and links the app exclusion to how Northgate staff will actually use the service." } ] },
    { key: "exception-analysis", stage: "exceptions", title: "Exceptions and CUECs", weight: 3, skills: ["audit"], levels: [
      { points: 0, label: "Missing", descriptor: "Exceptions ignored." },
      { points: 1, label: "Partial", descriptor: "Exceptions listed without relevance." },
      { points: 2, label: "Competent", descriptor: "CC6.3 rated highest, management response critiqued, CUECs owned." },
      { points: 3, label: "Strong", descriptor: "As competent, with a request for retesting evidence." } ] },
    { key: "conditions-quality", stage: "conditions", title: "Conditions", weight: 2, skills: ["vendor-risk", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No conditions submitted." },
      { points: 1, label: "Partial", descriptor: "Conditions without dates or consequences." },
      { points: 2, label: "Competent", descriptor: "Dated conditions, contract clauses and CUECs; clear CFO note." },
      { points: 3, label: "Strong", descriptor: "As competent, proportionate and negotiable before Friday." } ] },
    { key: "acceptance-record", stage: "acceptance", title: "Risk acceptance", weight: 2, skills: ["risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No record submitted." },
      { points: 1, label: "Partial", descriptor: "Record without expiry or ratings." },
      { points: 2, label: "Competent", descriptor: "Statement, ratings, conditions, expiry and owner." },
      { points: 3, label: "Strong", descriptor: "As competent, with re-review triggers the CFO can monitor." } ] },
  ],
};

export default mission;
