import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "TABLE-02",
  title: "Run the tabletop before the real thing",
  track: "leadership",
  tier: "intermediate",
  summary: "Design and facilitate a two-hour ransomware tabletop for a logistics company's executive team: objectives, scenario and injects, facilitation under pressure, and an after-action report with owned improvements.",
  story: `**Solent Cold Chain** runs refrigerated warehouses for pharmaceutical and food clients; a day of downtime spoils stock worth about €400,000 and breaches client SLAs. Its insurer now requires an annual exercise of the incident response and business continuity plans with the executive team.

You are the **security manager** and the exercise facilitator. Six executives (CEO, CFO, COO, HR director, head of legal, head of communications) have given you two hours on a Thursday afternoon. Some of them think the exercise is a box-ticking chore.`,
  objectives: [
    "Set exercise objectives linked to real plans",
    "Design a scenario with timed injects that test decisions",
    "Facilitate under pressure and capture observations",
    "Write an after-action report with owned actions",
  ],
  estimated_minutes: 150,
  skills: ["tabletop-facilitation", "business-continuity", "crisis-management", "communication"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["design", "injects", "aar"], items: ["Every objective is tested by at least one inject"] },
  status: "published",
  stages: [
    {
      key: "design",
      title: "Objectives and ground rules",
      instructions: `Solent's business continuity plan (BCP) extract:

| Process | RTO | RPO | Manual workaround |
|---|---|---|---|
| Warehouse management (WMS) | 8 h | 1 h | Paper pick lists for up to 24 h |
| Temperature monitoring | 1 h | 0 | Handheld loggers, manual checks every 30 min |
| Client portal | 24 h | 4 h | Email updates |

Write the exercise design:

1. Three to four **objectives** (e.g. *validate the decision process for paying or not paying a ransom*, *test the temperature-monitoring workaround against its 1-hour RTO*, *practise the first client notification*).
2. Scope, participants and roles (facilitator, scribe, observers).
3. Ground rules (no-fault, decisions with the information available, the exercise clock).

**Hand in:** the process with the shortest RTO in the answer box; the design as an attached file.`,
      required_skills: ["tabletop-facilitation", "business-continuity"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "Exercise design." },
      notes_min_chars: 20,
      weight: 2,
      answer: { kind: "regex", pattern: "^\\s*[Tt]emperature[ -]monitoring\\s*$", explanation: "Temperature monitoring has a 1-hour RTO: losing it puts pharmaceutical stock and compliance at risk fastest." },
      answer_prompt: "Process with the shortest RTO",
      recipes: ["tabletop-exercise-design", "bia-rto-rpo"],
      hints: [
        { text: "RTO is the maximum tolerable time to restore a process.", penalty: 2 },
        { text: "Objectives must be testable: 'raise awareness' is not an objective.", penalty: 5 },
      ],
    },
    {
      key: "injects",
      title: "Scenario and injects",
      instructions: `Write the scenario in three phases over a simulated 36 hours, with **six timed injects**. Each inject has: exercise time, what the players receive (an email, a call, a screenshot), the objective it tests, and the decision you expect.

Must include:
- the ransom note and a leak-site screenshot;
- a temperature alarm system outage at a pharmaceutical warehouse;
- a major client's quality director demanding assurance within the hour;
- a journalist's call;
- the insurer's breach coach asking who authorised a contact with the attackers.

**Hand in:** the inject table as an attached file.`,
      required_skills: ["tabletop-facilitation", "crisis-management"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text", "csv"], description: "Inject table." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["tabletop-exercise-design", "ransomware-board-briefing"],
      hints: [
        { text: "Each inject should force a decision by a named role, not just deliver information.", penalty: 2 },
        { text: "Escalate pressure: the second phase should collide two urgent demands.", penalty: 5 },
      ],
    },
    {
      key: "facilitate",
      title: "Facilitate under pressure",
      instructions: `During the exercise:

- After inject 2 the CEO says: *"We'd just pay. Next."*
- The CFO and head of legal start a side argument about insurance.
- The HR director has said nothing for 40 minutes.

Write how you respond to each, as a facilitator: the exact questions you would ask, how you use the exercise clock, how you bring quiet participants in, and what your scribe records.

**Hand in:** your facilitation responses in notes.`,
      required_skills: ["tabletop-facilitation", "stakeholder-management"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["tabletop-exercise-design"],
      hints: [
        { text: "'Who has the authority to pay, and what must be true first?' turns a reflex into a test of the plan.", penalty: 2 },
        { text: "Give the HR director an inject that is theirs: staff data in the leak.", penalty: 5 },
      ],
    },
    {
      key: "aar",
      title: "After-action report",
      instructions: `Write the after-action report (max. 3 pages):

1. Summary: objectives met / partly met / not met.
2. Observations: strengths and gaps, each tied to evidence from the exercise (the scribe's log).
3. Improvements: each with an owner, a date and how it will be verified (e.g. *RTO for temperature monitoring tested in a live failover by 30 September — COO*).
4. The date of the next exercise.

**Hand in:** the report as an attached file.`,
      required_skills: ["communication", "business-continuity"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "After-action report." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["tabletop-exercise-design", "bia-rto-rpo"],
      hints: [
        { text: "Observations describe what happened; improvements say who changes what by when.", penalty: 2 },
        { text: "Include strengths: executives engage more when the report is fair.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "exercise-design", stage: "design", title: "Exercise design", weight: 2, skills: ["tabletop-facilitation"], levels: [
      { points: 0, label: "Missing", descriptor: "No design submitted." },
      { points: 1, label: "Partial", descriptor: "Vague objectives not tied to the BCP." },
      { points: 2, label: "Competent", descriptor: "Testable objectives tied to BCP RTOs; roles and ground rules." },
      { points: 3, label: "Strong", descriptor: "As competent, with success criteria per objective." } ] },
    { key: "inject-design", stage: "injects", title: "Scenario and injects", weight: 3, skills: ["tabletop-facilitation", "crisis-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No injects submitted." },
      { points: 1, label: "Partial", descriptor: "Injects inform but do not force decisions." },
      { points: 2, label: "Competent", descriptor: "Six timed injects, each tied to an objective and a decision." },
      { points: 3, label: "Strong", descriptor: "As competent, with escalating pressure and realistic artefacts." } ] },
    { key: "facilitation", stage: "facilitate", title: "Facilitation", weight: 2, skills: ["stakeholder-management"], levels: [
      { points: 0, label: "Missing", descriptor: "No responses submitted." },
      { points: 1, label: "Partial", descriptor: "Responses that shut people down or let the CEO dominate." },
      { points: 2, label: "Competent", descriptor: "Questions that test the plan, time control, inclusion." },
      { points: 3, label: "Strong", descriptor: "As competent, keeping psychological safety while challenging seniors." } ] },
    { key: "after-action", stage: "aar", title: "After-action report", weight: 3, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No report submitted." },
      { points: 1, label: "Partial", descriptor: "Narrative without owned actions." },
      { points: 2, label: "Competent", descriptor: "Objectives assessed, evidence-based observations, owned dated actions." },
      { points: 3, label: "Strong", descriptor: "As competent, with verification methods and next exercise date." } ] },
  ],
};

export default mission;
