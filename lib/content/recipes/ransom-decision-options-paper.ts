import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ransom-decision-options-paper",
  title: "Build a pay-or-restore options paper",
  summary: "Compare ransom payment and restoration by total expected cost, recovery time, legal constraints (sanctions, insurer consent) and residual risk, and write a recommendation with its conditions.",
  description: "The ransom decision is often framed as ransom vs. nothing. It is really a comparison of total costs and risks over the recovery period. This recipe builds the comparison with simple arithmetic and covers the legal preconditions any payment must clear.",
  type: "analysis",
  difficulty: "advanced",
  estimated_minutes: 40,
  skills: ["risk-assessment", "budgeting", "crisis-management", "compliance"],
  tools: ["Spreadsheet"],
  prerequisites: [],
  steps: [
    {
      title: "Total expected cost per option",
      body: "Total = direct cost + (expected days down × daily loss). Use the midpoint of each recovery range and show a best/worst case too.",
      command: "A = 420000 + 7.5 * 310000   # = 2,745,000\nB = 1650000 + 5.5 * 310000  # = 3,355,000",
      expected_outcome: "A cost table with midpoint, best and worst cases.",
    },
    {
      title: "Legal preconditions for payment",
      body: "Sanctions screening (EU consolidated list, OFAC SDN, UK OFSI) by counsel; insurer's prior written consent; law-enforcement notification; board authority and minutes.",
      expected_outcome: "A checklist with the status of each precondition.",
    },
    {
      title: "Non-financial factors",
      body: "Decryptor reliability, data-leak threat after payment, repeat targeting, customer and regulator perception, staff morale, integrity of restored systems.",
      expected_outcome: "Each factor rated for each option.",
    },
    {
      title: "Recommendation with conditions",
      body: "State the recommendation and the facts that would change it (e.g. *if backups prove corrupted, re-evaluate within 12 hours*).",
      expected_outcome: "A reversible, conditional recommendation.",
    },
  ],
  validation_checks: ["Costs include downtime", "Sanctions and insurer consent are addressed before any payment discussion", "The recommendation states its conditions"],
  related: ["ransomware-board-briefing", "security-budget-business-case"],
  links: [{ mission: "IR-04", stage: "options", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
