import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "HIRE-03",
  title: "A SOC that never sleeps, on a budget that does",
  track: "leadership",
  tier: "advanced",
  summary: "A building society must move from office-hours monitoring to 24×7. Do the shift-coverage maths, map your team's skills, cost three operating models against the budget, recommend one, and plan the hiring or the provider transition that follows.",
  story: `**Quayside Building Society** (1,100 staff, 420,000 members, quayside-bs.test) is told by its regulator's latest review that security monitoring "from 08:00 to 18:00 on weekdays is not commensurate with the firm's risk". Last winter an intrusion that started on a Saturday night was found on Monday morning.

The board has approved **24×7 monitoring within twelve months** and a **year-one budget of £1,000,000** for it, including tooling. It has also promised that nobody in the current team will be made redundant.

You are the **Head of Security Operations**. You lead three analysts today. The COO wants a recommendation at next Thursday's executive committee: how many people, what shift pattern, which operating model, what it costs — and what it means for the three people who already work for you.`,
  objectives: [
    "Compute 24×7 and extended-hours coverage in seat-hours and FTEs",
    "Build a skills matrix that exposes single points of failure",
    "Cost three operating models and compare them with the budget",
    "Recommend an operating model and plan the hiring or provider transition",
  ],
  estimated_minutes: 180,
  skills: ["team-leadership", "budgeting", "strategy", "metrics", "stakeholder-management"],
  reflection_required: true,
  reflection_prompt: "What did the numbers tell you that instinct did not, and what did they leave out?",
  success_criteria: {
    min_score: 65,
    required_stages: ["coverage", "budget"],
    items: ["FTE numbers include shrinkage and round up", "Every option is costed on the same basis"],
  },
  status: "published",
  stages: [
    {
      key: "coverage",
      title: "Coverage maths",
      instructions: `The requirements and HR's figures:

| Item | Value |
|---|---|
| Coverage | 24 hours a day, 7 days a week, every day of the year |
| Minimum on shift | **2 analysts at all times** (lone-working policy; one escalates while the other keeps triaging) |
| Contracted hours | 37.5 hours per week per analyst |
| Shrinkage | **20%** (annual leave, bank holidays, training, sickness) |

1. How many **seat-hours per week** does 24×7 with two seats need?
2. How many productive hours per week does one analyst provide after shrinkage?
3. How many analysts (FTE, rounded **up** to whole people) does in-house 24×7 need? How many new hires is that, given the current three?
4. Do the same for an **extended-hours** day team: 07:00–19:00, Monday to Friday, two seats.
5. Sketch a shift pattern for the 24×7 case (e.g. 12-hour shifts, four rotating teams) and say what it means for the people on it: nights, weekends, fatigue.

**Hand in:** the number of analysts for in-house 24×7 in the answer box; the calculations and shift sketch in notes.`,
      required_skills: ["team-leadership", "metrics"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["csv", "text", "pdf"] },
      notes_min_chars: 80,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*12\\s*(fte|analysts?)?\\s*$",
        explanation: "168 h × 2 seats = 336 seat-hours; 37.5 × 0.8 = 30 productive hours per analyst; 336 / 30 = 11.2 → 12 analysts (9 new hires). Extended hours: 12 h × 5 days × 2 seats = 120 seat-hours → 4 analysts (1 new hire). Four teams of three on 12-hour shifts fits the 12.",
      },
      answer_prompt: "Analysts for in-house 24×7",
      recipes: ["security-budget-business-case", "security-metrics-dashboard"],
      hints: [
        { text: "A week has 168 hours; each analyst is only available 80% of their 37.5 contracted hours.", penalty: 3 },
        { text: "336 seat-hours ÷ 30 productive hours = 11.2, and you cannot hire 0.2 of a person.", penalty: 6 },
      ],
    },
    {
      key: "skills",
      title: "Skills matrix",
      instructions: `Your team today (levels: 0 none, 1 aware, 2 practitioner, 3 can teach others):

| Person | Role | Triage | Investigation | Detection engineering | Threat hunting | Incident lead | Notes |
|---|---|---|---|---|---|---|---|
| Priya | Senior analyst | 3 | 3 | 2 | 1 | 2 | Wants to move into detection engineering |
| Tom | Analyst | 3 | 2 | 0 | 0 | 0 | 18 months in role; has said he will not work nights (childcare) |
| Aisha | Analyst | 2 | 1 | 1 | 0 | 0 | Joined four months ago from the IT service desk |

1. Identify the skills with **no one** at level 2 or above and those with **exactly one** person at level 2 or above (single points of failure).
2. Define the target matrix for a 24×7 capability: which skills every shift needs at level 2, and which the team needs at least two people for.
3. Write a development plan for each of the three people that fits their stated goals and constraints (Tom's childcare, Priya's ambition, Aisha's inexperience), with a 6-month milestone.
4. Write the hiring profile for the next role you would fill, and why that one first.

**Hand in:** the skills matrix, development plans and hiring profile as an attached file.`,
      required_skills: ["team-leadership"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "Skills matrix, development plans and hiring profile." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["one-to-one-coaching"],
      hints: [
        { text: "Threat hunting has nobody at level 2; detection engineering and incident lead both depend on Priya alone.", penalty: 3 },
        { text: "A plan that puts Tom on nights ignores what he told you; a plan that puts Priya on nights may lose your only detection engineer.", penalty: 6 },
      ],
    },
    {
      key: "budget",
      title: "Cost three operating models",
      instructions: `Cost basis (per year unless stated):

| Item | Cost |
|---|---|
| Analyst, fully loaded | £62,000 |
| Shift allowance for analysts on a **24×7 rota** | +15% of analyst cost |
| SOC lead (new role, all options) | £85,000 |
| Detection engineer (new role, options A and B) | £75,000 |
| SIEM and EDR licences (all options) | £180,000 |
| Managed detection and response (MDR), full 24×7 | £420,000 |
| MDR, out of hours only (19:00–07:00 weekdays, all weekend) | £260,000 |
| Recruitment fee per new hire (one-off, year one) | £8,000 |

The options (the current three analysts stay in every option):
- **A — In-house 24×7:** 12 analysts on a 24×7 rota, SOC lead, detection engineer, tooling.
- **B — Hybrid:** 4 analysts on the 07:00–19:00 weekday pattern (no shift allowance), SOC lead, detection engineer, out-of-hours MDR, tooling.
- **C — Outsourced:** full 24×7 MDR; the 3 current analysts handle escalations and investigations in office hours; SOC lead; tooling.

1. Build the cost table: recurring annual cost, one-off recruitment cost and **year-one total** for each option, against the £1,000,000 budget.
2. Add the non-financial comparison: hiring risk, capability kept in-house, resilience, dependence on one provider, what it means for your team.

**Hand in:** option B's year-one total in pounds in the answer box; the cost table and comparison as an attached file.`,
      required_skills: ["budgeting", "strategy"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["csv", "text", "pdf"], description: "Cost table and comparison." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*£?\\s*(872[,. ]?000|872\\s*k)\\s*$",
        explanation: "B: 4 × £62,000 = £248,000 + £85,000 + £75,000 + £260,000 MDR + £180,000 tooling = £848,000 recurring, plus 3 hires × £8,000 = £24,000 → £872,000 in year one. A: 12 × £62,000 × 1.15 = £855,600 + £85,000 + £75,000 + £180,000 = £1,195,600 + £88,000 (11 hires) = £1,283,600. C: £186,000 + £85,000 + £420,000 + £180,000 = £871,000 + £8,000 = £879,000.",
      },
      answer_prompt: "Option B year-one total (£)",
      recipes: ["security-budget-business-case", "executive-risk-briefing"],
      hints: [
        { text: "Option B hires one analyst, the SOC lead and the detection engineer: three recruitment fees.", penalty: 3 },
        { text: "B recurring: 248,000 + 85,000 + 75,000 + 260,000 + 180,000.", penalty: 6 },
      ],
    },
    {
      key: "hiring",
      title: "Plan the in-house build",
      instructions: `The executive committee backs **option A** if you can show it is deliverable, despite the year-one overspend.

Write the plan:
1. A **12-month hiring and ramp-up plan**: 11 hires in waves, with realistic time-to-hire and notice periods, and the date the 24×7 rota can actually start safely.
2. **Interim cover** until then (e.g. a short-term out-of-hours MDR contract) and its cost.
3. Onboarding: what a new analyst must be able to do, at which skills-matrix levels, before working a night shift.
4. Retention: how you will keep night-shift analysts (rota design, allowances, career paths, fatigue rules).
5. The **budget exception** paper: how much over the £1,000,000 you are in year one, why, and how year two compares.

**Hand in:** the plan and the budget exception paper as an attached file.`,
      required_skills: ["team-leadership", "budgeting"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf", "csv"], description: "Hiring plan and budget exception." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["one-to-one-coaching", "security-budget-business-case"],
      hints: [
        { text: "Hiring nine analysts plus two specialists in a tight market rarely takes less than six to nine months; plan the gap.", penalty: 3 },
        { text: "The overspend is £283,600 in year one; year two drops the recruitment fees but not the shift allowance.", penalty: 6 },
      ],
      next: "end",
    },
    {
      key: "transition",
      title: "Plan the provider transition",
      instructions: `The executive committee backs an option with an **MDR provider**. Plan the first 90 days:

1. **Responsibility matrix (RACI)** for the lifecycle of an alert: detection, triage, investigation, containment actions (who may isolate a host or disable an account, and when), customer and regulator notification.
2. **Handover** between the provider and your team (at 07:00 and 19:00 in option B): format, open cases, who is on call.
3. **Service levels** to put in the contract: e.g. a critical alert escalated by phone within 15 minutes, 24×7; how you will measure them each month (time to escalate, false-positive rate of escalations, quality of investigation notes).
4. **Exit and dependence**: data and detection content ownership, notice period, what you keep in-house so you could change provider.
5. What changes for **Priya, Tom and Aisha**, and how you will tell them.

**Hand in:** the 90-day transition plan as an attached file.`,
      required_skills: ["stakeholder-management", "metrics", "team-leadership"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf", "csv"], description: "90-day transition plan." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["security-metrics-dashboard", "executive-risk-briefing"],
      hints: [
        { text: "Decide in advance which containment actions the provider may take alone at 03:00 and which need your on-call manager.", penalty: 3 },
        { text: "Measure the provider on outcomes (time to escalate, quality of escalations), not on the number of alerts it closes.", penalty: 6 },
      ],
    },
  ],
  decisions: [
    {
      key: "operating-model",
      after_stage: "budget",
      prompt: "The COO asks for one recommendation for Thursday's executive committee. Which operating model do you put forward?",
      choices: [
        {
          id: "hybrid",
          label: "B — Hybrid: in-house day team, MDR out of hours",
          consequence: "The committee approves option B. The COO asks for the provider transition plan and the service levels before the contract is signed.",
          next_stage: "transition",
          score_delta: 10,
          ideal: true,
          rationale: "B meets the 24×7 requirement within budget (£872,000), needs only three hires, keeps and grows in-house capability during the hours most change happens, respects Tom's constraint and gives Priya a detection-engineering path. Its weakness — dependence on the provider at night — is managed with service levels and exit terms.",
        },
        {
          id: "in-house",
          label: "A — Build a full in-house 24×7 SOC",
          consequence: "The committee is attracted by control but worried by the £283,600 overspend and eleven hires. It asks for a deliverable hiring plan and a budget exception paper.",
          next_stage: "hiring",
          score_delta: -5,
        },
        {
          id: "outsource",
          label: "C — Outsource monitoring to a 24×7 MDR",
          consequence: "The committee approves option C, which costs slightly more than B in year one. You must now plan the provider transition and explain to your team what their roles become.",
          next_stage: "transition",
          score_delta: 0,
        },
      ],
    },
  ],
  rubric: [
    { key: "coverage-maths", stage: "coverage", title: "Coverage maths", weight: 2, skills: ["metrics"], levels: [
      { points: 0, label: "Missing", descriptor: "No calculation submitted." },
      { points: 1, label: "Partial", descriptor: "Seat-hours right but shrinkage ignored or FTEs rounded down." },
      { points: 2, label: "Competent", descriptor: "336 seat-hours, 30 productive hours, 12 analysts, 4 for extended hours, a workable rota." },
      { points: 3, label: "Strong", descriptor: "As competent, with the human cost of the rota named and designed for." } ] },
    { key: "skills-matrix", stage: "skills", title: "Skills matrix and development", weight: 2, skills: ["team-leadership"], levels: [
      { points: 0, label: "Missing", descriptor: "No matrix submitted." },
      { points: 1, label: "Partial", descriptor: "Matrix without single points of failure or personal plans." },
      { points: 2, label: "Competent", descriptor: "Gaps and single points of failure found; a target matrix; a plan per person; a reasoned first hire." },
      { points: 3, label: "Strong", descriptor: "As competent, and every plan fits the person's stated goals and constraints." } ] },
    { key: "option-costing", stage: "budget", title: "Costing the options", weight: 3, skills: ["budgeting", "strategy"], levels: [
      { points: 0, label: "Missing", descriptor: "No cost table submitted." },
      { points: 1, label: "Partial", descriptor: "Costs missing items (shift allowance, recruitment) or inconsistent between options." },
      { points: 2, label: "Competent", descriptor: "All three options costed correctly on one basis, against the budget, with a non-financial comparison." },
      { points: 3, label: "Strong", descriptor: "As competent, with year-two costs and the sensitivity to hiring delays shown." } ] },
    { key: "hiring-plan", stage: "hiring", title: "In-house build plan", weight: 2, skills: ["team-leadership", "budgeting"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan submitted." },
      { points: 1, label: "Partial", descriptor: "A hiring list without timing, interim cover or retention." },
      { points: 2, label: "Competent", descriptor: "Realistic waves, interim cover, onboarding gates and an honest budget exception." },
      { points: 3, label: "Strong", descriptor: "As competent, with a safe rota start date and a credible retention plan for nights." } ] },
    { key: "transition-plan", stage: "transition", title: "Provider transition", weight: 2, skills: ["stakeholder-management", "metrics"], levels: [
      { points: 0, label: "Missing", descriptor: "No plan submitted." },
      { points: 1, label: "Partial", descriptor: "A RACI without service levels, measures or exit terms." },
      { points: 2, label: "Competent", descriptor: "RACI with containment authority, handovers, measurable service levels, exit terms, team impact." },
      { points: 3, label: "Strong", descriptor: "As competent, and keeps enough in-house to change provider without losing capability." } ] },
  ],
};

export default mission;
