import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "AUDIT-04",
  title: "NIS2 readiness: the audit nobody wants to hear",
  track: "grc",
  tier: "mastery",
  summary: "Lead an internal audit of access management at an energy distributor ahead of NIS2 supervision: plan it, test a sample, rate the finding under pressure from the CIO, and report to the audit committee.",
  story: `**Vestby Energi** distributes electricity to 420,000 customers and is an *essential entity* under NIS2. The national supervisor has announced inspections for next year, and management bodies are now personally accountable for approving and overseeing cyber risk measures (NIS2 Art. 20).

You are the **head of IT audit** (third line). The audit committee asked for an independent view of **identity and access management** — especially joiners, movers and leavers for the OT (operational technology) remote-access platform that engineers use to reach substations. The CIO (first line) is confident: "we fixed that last year".`,
  objectives: [
    "Plan a risk-based audit with clear criteria",
    "Test operating effectiveness with a defensible sample",
    "Rate findings independently and withstand pressure",
    "Report to the audit committee in terms of NIS2 accountability",
  ],
  estimated_minutes: 420,
  skills: ["audit", "compliance", "risk-assessment", "communication", "stakeholder-management"],
  time_constraint_hours: 120,
  reflection_required: true,
  success_criteria: { min_score: 70, required_stages: ["plan", "test", "report"], items: ["Exceptions computed from the data", "The rating follows the methodology, not the politics"] },
  status: "published",
  stages: [
    {
      key: "plan",
      title: "Audit plan",
      instructions: `Write the audit planning memo:

1. **Objective and scope**: leavers and movers on the OT remote-access platform (jump hosts to substations), period 1 January – 30 June 2025.
2. **Criteria**: Vestby's access policy (*OT access removed within 24 hours of the leaving date*), NIS2 Art. 21(2)(i) (access control policies and asset management), ISO 27001:2022 Annex A 5.18 (access rights).
3. **Population sources**: HR leavers list (independent of IT) and the platform's account export.
4. **Sample approach**: size and selection method.
5. **Rating methodology** you will apply (e.g. High = control not operating for a critical system; Medium = exceptions with compensating controls; Low = documentation issues).

**Hand in:** the NIS2 article number whose paragraph 2 lists the minimum cybersecurity risk-management measures, in the answer box; the memo as an attached file.`,
      required_skills: ["audit", "compliance"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "Audit planning memo." },
      notes_min_chars: 20,
      weight: 2,
      answer: { kind: "regex", pattern: "^\\s*(Art(icle)?\\.?\\s*)?21\\s*$", explanation: "NIS2 Article 21(2) lists the minimum measures; Article 20 covers governance and management accountability." },
      answer_prompt: "NIS2 article",
      recipes: ["audit-evidence-sampling", "iso27001-nist-csf-mapping"],
      hints: [
        { text: "Article 20 is governance; the list of measures (a) to (j) is in the next article.", penalty: 3 },
        { text: "Agree the rating methodology with the committee before fieldwork, not after.", penalty: 6 },
      ],
    },
    {
      key: "test",
      title: "Test the sample",
      instructions: `HR lists 61 leavers with OT access in the period. You drew 25 at random (seed recorded). Results for the 25 (leaving date from HR, disable time from the platform audit log, UTC):

| # | User | Leaving date (end of day) | Account disabled | Delay |
|---|---|---|---|---|
| 1–17 | (17 users) | various | within 24 h | ≤ 24 h |
| 18 | k.aasen | 2025-02-14 | 2025-02-14 16:02 | 0 h |
| 19 | t.berg (contractor) | 2025-03-07 | 2025-03-21 09:30 | ~14 days |
| 20 | m.dahl | 2025-03-31 | 2025-04-01 10:15 | ~10 h |
| 21 | contractor-ot-17 | 2025-04-11 | **still active** | > 80 days |
| 22 | s.lunde | 2025-05-02 | 2025-05-05 08:00 | ~2.3 days |
| 23 | e.holm | 2025-05-30 | 2025-05-30 17:45 | 0 h |
| 24 | contractor-ot-22 | 2025-06-13 | 2025-06-27 11:00 | ~14 days |
| 25 | r.vik | 2025-06-20 | 2025-06-21 07:30 | ~7.5 h |

The platform log also shows **contractor-ot-17 logged in on 2025-05-19** from an IP at the contractor's company.

1. Count the exceptions (delay > 24 h or still active).
2. Analyse the pattern (who is affected, why: contractors are not in the HR system feed).
3. Assess the login after leaving: what must happen now (escalation to the CISO as a potential incident, independent of the audit).

**Hand in:** the number of exceptions in the answer box; your analysis in notes; the test sheet as evidence.`,
      required_skills: ["audit", "data-analysis"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "The test sheet." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "4", explanation: "Items 19, 21, 22 and 24 exceed 24 hours (21 is still active) — 4/25 = 16%, 3 of them contractors." },
      answer_prompt: "Number of exceptions",
      recipes: ["audit-evidence-sampling", "pandas-security-data-analysis"],
      hints: [
        { text: "Items 20 and 25 are under 24 hours: not exceptions.", penalty: 3 },
        { text: "A leaver logging in after leaving is not an audit footnote: it is a possible incident to escalate today.", penalty: 6 },
      ],
    },
    {
      key: "pressure",
      title: "The CIO pushes back — again",
      instructions: `You agreed to rate the finding Medium. Two weeks later, the supervisor's pre-inspection questionnaire asks for "all internal audit findings on access control with ratings and remediation status". The CISO's investigation shows contractor-ot-17's login on 19 May viewed a substation configuration screen.

The audit committee chair calls you: *"Why was this Medium?"*

1. Write your honest answer to the chair.
2. Re-rate the finding using your own methodology and explain the change.
3. Propose how internal audit protects its independence in future (escalation path to the committee chair, rating disputes documented in the report).

**Hand in:** all three in notes.`,
      required_skills: ["stakeholder-management", "communication"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["executive-risk-briefing", "audit-evidence-sampling"],
      hints: [
        { text: "Own the rating; do not blame the CIO.", penalty: 3 },
        { text: "The Institute of Internal Auditors' standards require disagreements to be reported, not negotiated away.", penalty: 6 },
      ],
      next: "report",
    },
    {
      key: "report",
      title: "Report to the audit committee",
      instructions: `Write the audit report for the committee (max. 3 pages):

- **Overall opinion** on the leavers control for OT access.
- **Finding**: condition (4 of 25 exceptions, contractors not covered, post-leaving login), criteria, cause, consequence (unauthorised access to substation systems; NIS2 supervisory exposure; management-body accountability under Art. 20), rating.
- **Management action plan**: owner, date (e.g. contractor identities in the IdP with end dates; weekly reconciliation of platform accounts to HR and contractor lists; immediate review of all 61 leavers).
- **Management's view** if it differs, stated fairly.

**Hand in:** the report as a PDF.`,
      required_skills: ["audit", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf"], description: "Audit report." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["audit-evidence-sampling", "executive-risk-briefing"],
      hints: [
        { text: "Condition–criteria–cause–consequence is the standard finding structure.", penalty: 3 },
        { text: "Recommend a full-population review: the sample found a login after leaving.", penalty: 6 },
      ],
    },
    {
      key: "follow-up",
      title: "Follow-up audit",
      instructions: `Three months later, management reports the actions as complete. Design the **follow-up test**:

1. What evidence proves each action operates (not just exists)?
2. What sample will you test, from which period, and what result closes the finding?
3. What do you report to the committee if only two of three actions are effective?

**Hand in:** the follow-up test plan in notes.`,
      required_skills: ["audit"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["audit-evidence-sampling"],
      hints: [
        { text: "Test a period after the fix went live, long enough to include contractor departures.", penalty: 3 },
        { text: "Partial closure is a legitimate status: say which part remains open.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "rating",
      after_stage: "test",
      prompt: "The CIO asks you to rate the finding Medium: 'it's only contractors, and we're fixing it'. Your methodology says High. What do you do?",
      choices: [
        {
          id: "rate-high",
          label: "Rate it High per the methodology and record the CIO's view in the report",
          consequence: "The CIO is unhappy but the committee backs the rating. Funding for contractor identity management is approved the same month.",
          next_stage: "report",
          score_delta: 15,
          ideal: true,
          rationale: "Third-line independence is the point of internal audit. A control failing for a critical OT system, with a post-leaving login, meets the High definition.",
        },
        {
          id: "rate-medium",
          label: "Agree to Medium to keep the relationship",
          consequence: "The report goes out with a Medium rating. Then the supervisor's questionnaire arrives.",
          next_stage: "pressure",
          score_delta: -15,
        },
      ],
    },
  ],
  rubric: [
    { key: "audit-plan", stage: "plan", title: "Audit plan", weight: 2, skills: ["audit", "compliance"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan submitted, or scope only." },
      { points: 1, label: "Partial", descriptor: "Scope without criteria or sampling." },
      { points: 2, label: "Competent", descriptor: "Objective, criteria (policy, NIS2, Annex A), independent population, sampling, rating method." },
      { points: 3, label: "Strong", descriptor: "As competent, with the methodology agreed before fieldwork." } ] },
    { key: "testing", stage: "test", title: "Testing", weight: 3, skills: ["audit"], levels: [
      { points: 0, label: "Missing", descriptor: "Wrong count or no analysis." },
      { points: 1, label: "Partial", descriptor: "Count right, no root cause." },
      { points: 2, label: "Competent", descriptor: "Four exceptions, contractor pattern, post-leaving login escalated." },
      { points: 3, label: "Strong", descriptor: "As competent, and recommends expanding to the full population." } ] },
    { key: "independence", stage: "pressure", title: "Independence under pressure", weight: 2, skills: ["stakeholder-management"], levels: [
      { points: 0, label: "Missing", descriptor: "Defends the Medium rating." },
      { points: 1, label: "Partial", descriptor: "Re-rates without owning the earlier decision." },
      { points: 2, label: "Competent", descriptor: "Honest answer, re-rating, independence safeguards." },
      { points: 3, label: "Strong", descriptor: "As competent, and proposes a durable change to the audit charter or reporting line." } ] },
    { key: "committee-report", stage: "report", title: "Committee report", weight: 3, skills: ["audit", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Finding without cause or consequence." },
      { points: 2, label: "Competent", descriptor: "Opinion, full finding structure, owned action plan, management view." },
      { points: 3, label: "Strong", descriptor: "As competent, framed in NIS2 management-body accountability." } ] },
    { key: "follow-up-plan", stage: "follow-up", title: "Follow-up", weight: 1, skills: ["audit"], levels: [
      { points: 0, label: "Missing", descriptor: "No follow-up design." },
      { points: 1, label: "Partial", descriptor: "Relies on management's word." },
      { points: 2, label: "Competent", descriptor: "Operating evidence, sample, closure criteria." },
      { points: 3, label: "Strong", descriptor: "As competent, with clear partial-closure reporting." } ] },
  ],
};

export default mission;
