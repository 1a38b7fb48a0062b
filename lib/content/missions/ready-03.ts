import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "READY-03",
  title: "SOC 2 by March or we lose the contract",
  track: "grc",
  tier: "advanced",
  summary: "A health-analytics SaaS must hand its biggest customer a SOC 2 Type II report within ten months. Scope the system and its subservice organisations, classify the gaps, plan the remediation and work back from the report date to the latest possible observation window.",
  story: `**Kestrel Clinic Analytics** (95 staff, kestrel-analytics.test) sells scheduling analytics to private clinics. Its largest customer, **Harrowgate Health Group**, brings in £1.8 million a year — 31% of revenue. Harrowgate's vendor-risk team has written:

> *"To renew, we require a SOC 2 Type II report covering Security, Availability and Confidentiality, with an observation period of at least six months, in our hands by 31 March 2026."*

Kestrel has never been audited. It is **2 June 2025**. You joined last month as Kestrel's first **GRC lead**; the CTO and one platform engineer can give you a day a week each. The CEO wants to know, by Friday, whether the date is achievable and what it will take. If you get the scope wrong the report will not satisfy Harrowgate; if you get the timeline wrong there will be no report at all.`,
  objectives: [
    "Define the system boundary, trust services criteria and subservice organisations",
    "Classify readiness gaps as ready, evidence gaps or design gaps",
    "Build a remediation plan that makes every control operate before the window opens",
    "Work back from the report deadline to the observation window and explain it to the customer",
  ],
  estimated_minutes: 180,
  skills: ["audit", "compliance", "control-mapping", "vendor-risk", "risk-assessment"],
  reflection_required: true,
  success_criteria: {
    min_score: 65,
    required_stages: ["scope", "gaps", "window"],
    items: ["AWS, Auth0 and SendGrid identified as subservice organisations", "The window start date leaves time for the report to be issued"],
  },
  status: "published",
  stages: [
    {
      key: "scope",
      title: "System boundary and subservice organisations",
      instructions: `Kestrel's platform: a web application on **AWS** (EKS, RDS PostgreSQL, S3 backups). Clinic staff sign in through **Auth0** with MFA. Weekly performance digests containing each clinic's appointment data are emailed to customers through **SendGrid**. Staff chat on **Slack** (policy and a DLP rule block customer data there). Finance runs Kestrel's own invoicing in **Xero**; no customer data is held there.

1. Which Trust Services Criteria categories go in scope and why? (Security is always included as the common criteria; Harrowgate also asks for Availability and Confidentiality. Do you add Processing Integrity or Privacy?)
2. Which of the five vendors are **subservice organisations** — vendors whose controls are needed to meet Kestrel's service commitments to customers?
3. Will you use the **carve-out** or the **inclusive** method? What must Kestrel then do about each subservice organisation (obtain and review their SOC reports, list complementary subservice organisation controls)?
4. List two complementary user entity controls (CUECs) Kestrel will expect of its clinic customers.

**Hand in:** the subservice organisations in the answer box (comma-separated); the scoping note in notes.`,
      required_skills: ["audit", "vendor-risk"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^(?=.*\\b(aws|amazon web services)\\b)(?=.*\\bauth0\\b)(?=.*\\bsendgrid\\b)(?!.*\\b(slack|xero)\\b).*$",
        explanation: "AWS hosts the system, Auth0 authenticates customers and SendGrid delivers confidential customer data: their controls support Kestrel's commitments. Slack and Xero hold no customer data and are managed as ordinary vendors under CC9.2.",
      },
      answer_prompt: "Subservice organisations",
      recipes: ["soc2-report-review", "iso27001-nist-csf-mapping"],
      hints: [
        { text: "Ask of each vendor: if its controls failed, would Kestrel break a commitment to its customers?", penalty: 3 },
        { text: "Three of the five touch customer data or customer access; two do not.", penalty: 6 },
      ],
    },
    {
      key: "gaps",
      title: "Classify the gaps",
      instructions: `Use these definitions:

- **Ready** — the control is designed to meet the criterion, operates, and its evidence is retained.
- **Evidence gap** — the control operates, but is not documented or leaves no retained evidence an auditor could sample.
- **Design gap** — no control meets the criterion, or the control as designed cannot meet it.

Your walkthrough notes:

| ID | Criterion | Current practice | Evidence today |
|---|---|---|---|
| G1 | CC6.1 Logical access | Google Workspace SSO with enforced MFA for all staff; AWS console and CLI only through SSO | IdP policy export; 12 months of sign-in logs |
| G2 | CC6.2 / CC6.3 Joiners and leavers | IT removes access the day HR emails them; the CTO says the last 10 leavers were all removed same-day | HR emails are auto-deleted after 30 days; no tickets |
| G3 | CC7.2 / CC7.3 Security monitoring | GuardDuty findings post to a Slack channel; nobody is assigned to review them and there is no triage procedure | 12 months of findings, none acknowledged |
| G4 | CC8.1 Change management | Every production change goes through a pull request with one required approval, enforced by branch protection; CI deploys | Branch-protection settings; pull-request history |
| G5 | CC9.2 Vendor management | No vendor inventory; vendors' security is never reviewed | Nothing |
| G6 | A1.2 / A1.3 Backup and recovery | Daily RDS snapshots kept 35 days; the platform engineer test-restores one each quarter | Results are not recorded anywhere |
| G7 | CC3.2 Risk assessment | No risk assessment has ever been carried out | Nothing |
| G8 | CC2.2 Security awareness | Annual awareness course in the LMS; 97% completion | LMS completion report |

1. Classify each row, with one sentence of justification.
2. For every evidence gap, say what evidence must start being retained and from when.
3. For every design gap, say what control must be designed.

**Hand in:** the IDs of the **design gaps** in the answer box (e.g. \`G1, G2\`); the classified table as an attached file.`,
      required_skills: ["audit", "control-mapping"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "Classified gap table." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^(?=.*\\bg3\\b)(?=.*\\bg5\\b)(?=.*\\bg7\\b)(?!.*\\bg[12468]\\b).*$",
        explanation: "Design gaps: G3 (nobody reviews the alerts, so the control cannot detect or evaluate events), G5 (no vendor management at all) and G7 (no risk assessment). G2 and G6 are evidence gaps: the activity happens but leaves nothing to sample. G1, G4 and G8 are ready.",
      },
      answer_prompt: "Design gaps (IDs)",
      recipes: ["audit-evidence-sampling", "iso27001-nist-csf-mapping"],
      hints: [
        { text: "If the activity happens but leaves no trace, it is an evidence gap; if it does not happen, or cannot work as designed, it is a design gap.", penalty: 3 },
        { text: "Alerts that nobody is assigned to read do not meet CC7.2/CC7.3 however many are collected.", penalty: 6 },
      ],
    },
    {
      key: "remediate",
      title: "Remediation plan",
      instructions: `Build the remediation plan that gets every in-scope control **operating, with evidence**, before the observation window opens. For each gap (G2, G3, G5, G6, G7, plus the subservice-organisation reviews from stage 1):

| Gap | Control to design or fix | Policy or procedure | Owner | Done by | Evidence it will produce | Effort (days) |
|---|---|---|---|---|---|---|

Constraints:
- You, the CTO (1 day/week) and the platform engineer (1 day/week) are the only people available; anything beyond that needs budget you must ask for (e.g. a compliance-automation tool, a managed detection service for G3).
- Policies Kestrel does not yet have: information security policy, access control, incident response, vendor management, risk management, backup and recovery.
- The risk assessment (G7) should come early: it drives which controls matter most.

Then list the top three risks to the plan itself and how you will manage them.

**Hand in:** the remediation plan as an attached file.`,
      required_skills: ["compliance", "risk-assessment"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "Remediation plan." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["risk-register-basics", "iso27001-nist-csf-mapping"],
      hints: [
        { text: "Sequence matters: risk assessment and policies first, then controls, then a few weeks of operation before the window.", penalty: 3 },
        { text: "Count the available days: two people at one day a week for eight weeks is sixteen days. Where does the rest come from?", penalty: 6 },
      ],
    },
    {
      key: "window",
      title: "Work back from the deadline",
      instructions: `Facts for the timeline:

- Harrowgate needs the **Type II report in hand by 31 March 2026**, with an observation period of **at least six months**.
- The chosen audit firm, Fenwick & Rowe LLP, needs **two full months** after the window ends to complete fieldwork and issue the report.
- The firm only starts windows on the **first day of a month**.

1. What is the **latest date** the observation window can start?
2. Draw the timeline from today (2 June 2025): remediation, an internal readiness check, window start, mid-window evidence pulls, window end, fieldwork, report.
3. Decide whether to offer Harrowgate a **Type I** report or a readiness letter at window start as interim assurance, and what it would and would not prove.
4. Write the email to Harrowgate's vendor-risk team: honest about where Kestrel is, specific about dates, and clear about what Harrowgate will receive when.

**Hand in:** the latest window start date in the answer box as \`YYYY-MM-DD\`; the timeline and email as an attached file.`,
      required_skills: ["audit", "compliance"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf", "image"], description: "Timeline and customer email." },
      notes_min_chars: 20,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*2025-08-01\\s*$",
        explanation: "Report by 31 March 2026 minus two months → the window must end by 31 January 2026; six months back → it must start by 1 August 2025. That leaves two months for remediation from 2 June.",
      },
      answer_prompt: "Latest window start (YYYY-MM-DD)",
      recipes: ["audit-evidence-sampling", "executive-risk-briefing"],
      hints: [
        { text: "Work backwards: report date → window end → window start.", penalty: 3 },
        { text: "The window ends 31 January 2026 at the latest; a six-month window ending then starts on 1 August 2025.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "scoping", stage: "scope", title: "Scope and subservice organisations", weight: 2, skills: ["audit", "vendor-risk"], levels: [
      { points: 0, label: "Missing", descriptor: "No scoping, or every vendor treated the same." },
      { points: 1, label: "Partial", descriptor: "Categories chosen but subservice organisations wrong or the method not explained." },
      { points: 2, label: "Competent", descriptor: "Correct categories and subservice organisations, carve-out with a plan to review their reports, CUECs listed." },
      { points: 3, label: "Strong", descriptor: "As competent, and explains why adding Privacy now would add risk without meeting a customer need." } ] },
    { key: "gap-classification", stage: "gaps", title: "Gap classification", weight: 3, skills: ["audit", "control-mapping"], levels: [
      { points: 0, label: "Missing", descriptor: "No classification submitted." },
      { points: 1, label: "Partial", descriptor: "Confuses evidence gaps with design gaps, or accepts the CTO's word as evidence." },
      { points: 2, label: "Competent", descriptor: "All eight rows classified correctly, with evidence to retain and controls to design." },
      { points: 3, label: "Strong", descriptor: "As competent, with evidence retention starting now so the window's early samples exist." } ] },
    { key: "remediation-plan", stage: "remediate", title: "Remediation plan", weight: 3, skills: ["compliance", "risk-assessment"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan submitted." },
      { points: 1, label: "Partial", descriptor: "A list of tasks without owners, dates or evidence." },
      { points: 2, label: "Competent", descriptor: "Every gap covered with owner, date, evidence and effort, sequenced before the window." },
      { points: 3, label: "Strong", descriptor: "As competent, with the capacity shortfall quantified and a costed request to close it." } ] },
    { key: "timeline-and-customer", stage: "window", title: "Timeline and customer communication", weight: 2, skills: ["audit", "compliance"], levels: [
      { points: 0, label: "Missing", descriptor: "No timeline submitted." },
      { points: 1, label: "Partial", descriptor: "Window date wrong, or the email overpromises." },
      { points: 2, label: "Competent", descriptor: "Correct window, realistic timeline, honest and specific email." },
      { points: 3, label: "Strong", descriptor: "As competent, with a reasoned interim-assurance offer and a contingency if remediation slips." } ] },
  ],
};

export default mission;
