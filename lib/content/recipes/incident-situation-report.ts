import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "incident-situation-report",
  title: "Write an incident situation report (sitrep)",
  summary: "A one-page sitrep for executives during an incident: what happened, impact, known vs unknown, actions, decisions needed and next update time.",
  description: "During an incident executives need the same short document every few hours, not a stream of technical updates. This recipe gives the sitrep structure, how to compute the facts executives ask for (dwell time, systems and data affected), and how to present uncertainty honestly.",
  type: "communication",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["crisis-management", "communication", "incident-response"],
  tools: ["Document template"],
  prerequisites: ["ir-escalation-ticket"],
  steps: [
    {
      title: "Headline and status",
      body: "One line with incident name, severity, status (contained / not contained) and time of this report in UTC.",
      expected_outcome: "A headline readable in five seconds.",
    },
    {
      title: "What happened, in five lines",
      body: "Initial access, what the attacker did, what they took, when it was detected. Compute dwell time = detection (or impact) minus first attacker action.",
      expected_outcome: "Five plain-language lines and a dwell time in days.",
    },
    {
      title: "Impact",
      body: "Operations (systems down, revenue per day), data (categories, number of people, special category data), customers and contracts.",
      expected_outcome: "Impact in business units: euros, days, people.",
    },
    {
      title: "Known, unknown, when we will know",
      body: "A three-column table. Never present an unknown as a negative (*no evidence of exfiltration* when nobody has looked).",
      expected_outcome: "Uncertainty stated explicitly with expected dates.",
    },
    {
      title: "Decisions needed and next update",
      body: "List the decisions you need from the reader with a deadline, then the time of the next sitrep.",
      expected_outcome: "Each decision has an owner and a deadline.",
    },
  ],
  validation_checks: ["Fits on one page", "Dwell time computed from the first attacker action", "Known and unknown are separated"],
  related: ["ransomware-board-briefing", "ir-escalation-ticket", "crisis-holding-statement"],
  links: [{ mission: "IR-04", stage: "situation", required: false, order: 0 }, { module: "threats-and-incidents", required: false, order: 2 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
