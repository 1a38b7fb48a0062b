import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ransomware-board-briefing",
  title: "Brief a board during a ransomware crisis",
  summary: "Structure a board paper that leads with the decision required, explains the situation without jargon, compares options by total cost and risk, and anticipates the board's questions.",
  description: "Boards decide and oversee; they do not investigate. This recipe turns incident facts into a paper a board can act on in ten minutes: decision first, plain language, money and risk side by side, regulatory status, and the improvements the board should hold management to.",
  type: "communication",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["communication", "stakeholder-management", "crisis-management"],
  tools: ["Slides or document template"],
  prerequisites: ["incident-situation-report"],
  steps: [
    {
      title: "Write the decision sentence first",
      body: "*The board is asked to approve Option A (restore, no payment) and an incident budget of €2.9m.* Everything else in the paper supports this sentence.",
      expected_outcome: "One sentence with the decision and the amount.",
    },
    {
      title: "Translate the situation",
      body: "Replace jargon with consequences: *ESXi encrypted* becomes *the servers that run the plants are locked*; *service account without MFA* becomes *a backup account that needed only a password*.",
      expected_outcome: "A half-page situation a non-specialist can retell.",
    },
    {
      title: "Options table",
      body: "Columns: option, total cost (direct + downtime), time to recover, legal risk, residual risk. Mark your recommendation and the conditions that would change it.",
      expected_outcome: "A table where the recommendation follows from the numbers.",
    },
    {
      title: "Regulatory and stakeholder status",
      body: "Each notification (regulator, CSIRT, customers, staff, insurer, police): due, done, owner.",
      expected_outcome: "A status table with no blanks.",
    },
    {
      title: "Anticipate questions",
      body: "Prepare short answers to: *Could this happen again next week? Who is accountable? What does the insurer cover? Will customers leave? Why wasn't this prevented?*",
      expected_outcome: "Five questions with two-line answers in an annex.",
    },
    {
      title: "Rehearse in ten minutes",
      body: "Time a run-through. Cut anything the board cannot act on.",
      expected_outcome: "A briefing that fits its slot with time for questions.",
    },
  ],
  validation_checks: ["The decision sentence is on the first page", "No unexplained acronyms", "Costs include downtime, not just the ransom"],
  related: ["ransom-decision-options-paper", "executive-risk-briefing", "crisis-holding-statement"],
  links: [{ mission: "IR-04", stage: "board", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
