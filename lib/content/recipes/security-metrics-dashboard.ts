import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "security-metrics-dashboard",
  title: "Choose security metrics that drive decisions",
  summary: "Pick five to eight metrics tied to decisions (MTTD, MTTR, patch SLA compliance, phishing report rate, MFA coverage), define them precisely, set targets, and present trends rather than totals.",
  description: "Counting blocked attacks impresses nobody. This recipe selects metrics that reflect risk and performance, defines numerator, denominator and source for each, and lays them out as a one-page monthly dashboard with trends and commentary.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 35,
  skills: ["metrics", "communication", "data-analysis"],
  tools: ["Spreadsheet or BI tool"],
  prerequisites: [],
  steps: [
    {
      title: "Start from decisions",
      body: "For each audience, list the decisions they make (fund, prioritise, accept risk). Keep only metrics that inform one of them.",
      expected_outcome: "A list of decisions with candidate metrics.",
    },
    {
      title: "Define each metric precisely",
      body: "Name, formula (numerator/denominator), data source, frequency, owner, target. Example: *Critical patch SLA = critical vulns fixed within 14 days ÷ critical vulns due this month.*",
      expected_outcome: "A metric dictionary.",
    },
    {
      title: "Compute and trend",
      body: "Show six months of history; the trend matters more than the value.",
      command: "=COUNTIFS(Fixed!D:D,\"<=14\",Fixed!C:C,\"Critical\")/COUNTIFS(Due!C:C,\"Critical\")",
      expected_outcome: "A trend line per metric.",
    },
    {
      title: "Add commentary",
      body: "For each metric off target: why, what you are doing, what you need.",
      expected_outcome: "A one-page dashboard with two lines of commentary per red metric.",
    },
  ],
  validation_checks: ["Every metric has a formula, source and owner", "No vanity metrics (e.g. total blocked emails) without a decision", "Trends, not snapshots"],
  related: ["executive-risk-briefing"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
