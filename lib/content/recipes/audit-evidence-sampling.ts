import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "audit-evidence-sampling",
  title: "Test a control with audit sampling",
  summary: "Test whether a control operated over a period: define the population, pick a sample size, select items randomly, test each against the control's attributes, and conclude with exceptions documented.",
  description: "Auditors test operating effectiveness, not policy. This recipe tests a typical access control (leavers removed within 24 hours) from population to conclusion, the way an ISO 27001 or SOC 2 auditor would.",
  type: "process",
  difficulty: "intermediate",
  estimated_minutes: 45,
  skills: ["audit", "compliance", "data-analysis"],
  tools: ["Spreadsheet", "Python"],
  prerequisites: [],
  steps: [
    {
      title: "Define control and attributes",
      body: "Control: *Accounts of leavers are disabled within 24 hours of their last day.* Attributes to test: ticket exists, account disabled, time difference ≤ 24 h.",
      expected_outcome: "A test sheet with one column per attribute.",
    },
    {
      title: "Get a complete population",
      body: "Obtain the HR leavers list for the period from HR (not IT) and check completeness against payroll.",
      expected_outcome: "A population with a count and its source.",
    },
    {
      title: "Choose and draw the sample",
      body: "Common guidance: 25 items for a control that operates many times a year (more if exceptions are expected). Draw randomly and record the seed.",
      command: "import pandas as pd\npop = pd.read_csv('leavers.csv')\nsample = pop.sample(n=min(25, len(pop)), random_state=20250301)",
      expected_outcome: "A reproducible random sample.",
    },
    {
      title: "Test each item",
      body: "Match each leaver to the directory disable timestamp; compute the delay; mark pass/fail per attribute with a reference to the evidence.",
      expected_outcome: "A filled test sheet with evidence references.",
    },
    {
      title: "Conclude",
      body: "Zero exceptions: effective. One or more: investigate root cause, consider extending the sample, and report the exception with its impact.",
      expected_outcome: "A conclusion with exceptions described and rated.",
    },
  ],
  validation_checks: ["The population came from an independent source", "The sample is random and reproducible", "Every exception is explained"],
  related: ["iso27001-nist-csf-mapping", "risk-register-basics"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
