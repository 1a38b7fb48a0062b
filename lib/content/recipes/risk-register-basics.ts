import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "risk-register-basics",
  title: "Build and rate a risk register",
  summary: "Write risks as cause–event–consequence statements, rate likelihood and impact on a 5×5 scale, record owners and treatments, and compute inherent and residual ratings.",
  description: "A risk register is only useful if its entries are specific and comparable. This recipe gives the statement format, rating scales with concrete anchors, treatment options (mitigate, transfer, avoid, accept) and the columns an auditor expects.",
  type: "process",
  difficulty: "beginner",
  estimated_minutes: 30,
  skills: ["risk-assessment"],
  tools: ["Spreadsheet"],
  prerequisites: [],
  steps: [
    {
      title: "Write risk statements",
      body: "*Because* <cause>, *there is a risk that* <event>, *resulting in* <consequence>. Example: *Because shared drive permissions are inherited from Everyone, there is a risk that a contractor accesses payroll data, resulting in a GDPR breach and loss of staff trust.*",
      expected_outcome: "Five to ten specific statements.",
    },
    {
      title: "Define scales with anchors",
      body: "Likelihood 1–5 (1 = less than once in 10 years, 5 = more than once a year). Impact 1–5 anchored in money, downtime, people affected and regulatory action.",
      expected_outcome: "Two scales that two people would apply the same way.",
    },
    {
      title: "Rate inherent risk",
      body: "Score = likelihood × impact before existing controls. 15–25 high, 8–14 medium, 1–7 low.",
      command: "=C2*D2\n=IF(E2>=15,\"High\",IF(E2>=8,\"Medium\",\"Low\"))",
      expected_outcome: "Each risk with an inherent score and band.",
    },
    {
      title: "Record controls, treatment and residual risk",
      body: "List existing controls, choose a treatment, name an owner (a person, not a team), set a due date, and re-rate residual risk.",
      expected_outcome: "Owner, treatment, due date and residual score on every row.",
    },
    {
      title: "Check appetite",
      body: "Any residual risk above appetite needs a treatment plan or a signed acceptance by the accountable executive.",
      expected_outcome: "No high residual risk without a plan or a signature.",
    },
  ],
  validation_checks: ["Every statement has cause, event and consequence", "Every row has a named owner", "Residual is not higher than inherent"],
  related: ["iso27001-nist-csf-mapping", "security-budget-business-case"],
  links: [],
  mentor_curated: true,
  status: "published",
};

export default recipe;
