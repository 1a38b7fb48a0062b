import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "security-budget-business-case",
  title: "Make a security budget business case",
  summary: "Justify security spend with annualised loss expectancy, risk reduction per euro and a clear ask, in the language of a CFO.",
  description: "Security budgets are won by comparing the cost of controls to the risk they reduce. This recipe estimates annualised loss expectancy (ALE = SLE × ARO), the reduction each investment buys, and presents a prioritised, phased ask.",
  type: "analysis",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["budgeting", "risk-assessment", "strategy"],
  tools: ["Spreadsheet"],
  prerequisites: ["risk-register-basics"],
  steps: [
    {
      title: "Pick the top risks",
      body: "From the risk register, take the five risks with the highest residual rating. For each, estimate single loss expectancy (SLE) in euros and annual rate of occurrence (ARO).",
      expected_outcome: "A table of five risks with SLE and ARO and their sources (incidents, industry data).",
    },
    {
      title: "Compute ALE before and after",
      body: "ALE = SLE × ARO. For each proposed control, estimate the new ARO (or SLE) and the reduction.",
      command: "=B2*C2            // ALE before\n=B2*D2            // ALE after\n=(E2-F2)-G2       // net annual benefit minus annual control cost",
      expected_outcome: "Risk reduction per control in euros per year.",
    },
    {
      title: "Rank by value",
      body: "Return on security investment: ROSI = (ALE reduction − annual cost) / annual cost. Rank controls and cut the ones with negative value unless required by regulation.",
      expected_outcome: "A ranked list with ROSI and regulatory drivers flagged.",
    },
    {
      title: "Shape the ask",
      body: "Group into a phased plan (now / next 6 months / next year) with a total and what you will stop doing if the full ask is not approved.",
      expected_outcome: "A one-page ask with three funding scenarios.",
    },
  ],
  validation_checks: ["Every number has a source or an explicit assumption", "The ask shows what happens at lower funding levels", "Controls required by law are separated from discretionary ones"],
  related: ["risk-register-basics", "executive-risk-briefing", "ransom-decision-options-paper"],
  links: [],
  mentor_curated: true,
  status: "published",
};

export default recipe;
