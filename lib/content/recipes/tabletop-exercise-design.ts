import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "tabletop-exercise-design",
  title: "Design and facilitate a tabletop exercise",
  summary: "Plan a discussion-based exercise: testable objectives tied to your plans, a scenario with timed injects that force decisions, facilitation techniques for senior groups, and an after-action report with owned improvements.",
  description: "Tabletops are the cheapest way to find out whether incident and continuity plans work with the people who must use them. This recipe covers the full cycle from objectives to after-action report.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 60,
  skills: ["tabletop-facilitation", "crisis-management", "communication"],
  tools: ["Slides or printed inject cards", "Scribe template"],
  prerequisites: [],
  steps: [
    {
      title: "Set objectives",
      body: "Three or four testable objectives tied to plan elements: a decision process, an RTO, a notification, a role.",
      expected_outcome: "Objectives with success criteria.",
    },
    {
      title: "Write the scenario and injects",
      body: "A realistic scenario in phases; each inject has a time, a format (email, call, screenshot), the objective it tests and the decision expected from a named role.",
      expected_outcome: "An inject table of 6–10 injects.",
    },
    {
      title: "Prepare the room",
      body: "Ground rules (no-fault, decide with available information), roles (facilitator, scribe, observers), the exercise clock, and the plans on the table.",
      expected_outcome: "A briefing slide and a scribe template.",
    },
    {
      title: "Facilitate",
      body: "Ask open questions (*who decides? what must be true first? what does the plan say?*), control time, bring in quiet participants with role-specific injects, park side debates.",
      expected_outcome: "A scribe log of decisions, gaps and quotes.",
    },
    {
      title: "Hot wash and after-action report",
      body: "Fifteen-minute hot wash at the end; within a week, a report with objectives met, observations with evidence, and owned, dated improvements.",
      expected_outcome: "An after-action report and the next exercise date.",
    },
  ],
  validation_checks: ["Every objective is tested by an inject", "Every improvement has an owner and a date", "Observations cite the scribe log"],
  related: ["bia-rto-rpo", "ransomware-board-briefing", "crisis-holding-statement"],
  links: [{ mission: "TABLE-02", stage: "injects", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
