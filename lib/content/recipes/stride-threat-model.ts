import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "stride-threat-model",
  title: "Threat-model a system with STRIDE",
  summary: "Draw a data-flow diagram with trust boundaries, walk STRIDE per element, rate threats, and turn the top ones into design changes and tests — in one working session with the team.",
  description: "Threat modelling finds design flaws before code exists. This recipe runs a lightweight STRIDE session: what are we building, what can go wrong, what are we going to do about it, did we do a good job.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 60,
  skills: ["threat-modeling"],
  tools: ["Whiteboard or diagram tool", "Spreadsheet"],
  prerequisites: [],
  steps: [
    {
      title: "Draw the data-flow diagram",
      body: "External entities, processes, data stores and data flows; draw trust boundaries where privilege or ownership changes (internet → app, app → third party, user content → model).",
      expected_outcome: "A DFD the team agrees is accurate.",
    },
    {
      title: "Walk STRIDE per element",
      body: "Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege. Flows crossing a boundary deserve the most attention.",
      expected_outcome: "A threat list with element, category and description.",
    },
    {
      title: "Rate",
      body: "Use a simple likelihood × impact (1–3 each) or your risk scale; agree the top five.",
      expected_outcome: "A ranked list.",
    },
    {
      title: "Decide mitigations",
      body: "For each top threat: mitigate (design change), transfer, accept (with owner) — and a test that proves the mitigation.",
      expected_outcome: "Backlog items with tests.",
    },
    {
      title: "Review",
      body: "Did we cover every boundary? Schedule a revisit when the design changes.",
      expected_outcome: "A dated, versioned threat model.",
    },
  ],
  validation_checks: ["Every trust boundary has threats listed", "Top threats have mitigations with tests", "The model has an owner and a revisit trigger"],
  related: ["llm-prompt-injection-testing", "github-actions-hardening"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
