import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "executive-risk-briefing",
  title: "Brief executives on a security risk",
  summary: "Explain a security risk to executives in five minutes: the business consequence, the likelihood, the options with cost, and one recommendation.",
  description: "Executives fund what they understand. This recipe uses a bottom-line-up-front structure — ask, why it matters, options, recommendation — and shows how to translate technical facts into business consequences.",
  type: "communication",
  difficulty: "beginner",
  estimated_minutes: 20,
  skills: ["communication", "stakeholder-management"],
  tools: ["One-page template"],
  prerequisites: [],
  steps: [
    {
      title: "Bottom line up front",
      body: "Start with what you need: *I am asking for approval to enforce MFA on all remote access by 31 March, cost €40k.*",
      expected_outcome: "The ask in the first sentence.",
    },
    {
      title: "Why it matters",
      body: "State the consequence in business terms (days of downtime, euros, customers, regulators) and how likely it is, with one piece of evidence (an incident, an audit finding, a peer's breach).",
      expected_outcome: "Two or three sentences without jargon.",
    },
    {
      title: "Options",
      body: "Two or three options including *do nothing*, each with cost, benefit and residual risk.",
      expected_outcome: "A small options table.",
    },
    {
      title: "Recommendation and next step",
      body: "Recommend one, say who does what by when, and what you will report back.",
      expected_outcome: "A decision the executive can say yes or no to.",
    },
  ],
  validation_checks: ["The ask is in the first sentence", "A non-specialist could retell the risk", "Do nothing is one of the options"],
  related: ["ransomware-board-briefing", "security-budget-business-case", "security-metrics-dashboard"],
  links: [{ module: "writing-for-security", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
