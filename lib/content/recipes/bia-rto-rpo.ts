import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "bia-rto-rpo",
  title: "Run a business impact analysis (RTO and RPO)",
  summary: "Identify critical processes, estimate the impact of disruption over time, set recovery time and recovery point objectives, and check that backups and workarounds can actually meet them.",
  description: "Continuity plans rest on the business impact analysis. This recipe interviews process owners, builds an impact-over-time table, derives RTO/RPO, and compares them with what IT can deliver today.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 50,
  skills: ["business-continuity", "risk-assessment"],
  tools: ["Spreadsheet", "Interview template"],
  prerequisites: [],
  steps: [
    {
      title: "List processes and owners",
      body: "Start from what the organisation delivers (ship goods, pay staff, monitor temperatures) and name the owner of each process.",
      expected_outcome: "A process list with owners.",
    },
    {
      title: "Impact over time",
      body: "For each process, estimate financial, contractual, safety, regulatory and reputational impact after 1 h, 4 h, 1 day, 3 days, 1 week.",
      expected_outcome: "An impact table per process.",
    },
    {
      title: "Set RTO and RPO",
      body: "RTO: the time by which the process must be back before impact becomes unacceptable. RPO: how much data loss (in time) is tolerable.",
      expected_outcome: "RTO and RPO per process, signed off by the owner.",
    },
    {
      title: "Check capability",
      body: "Compare with backup frequency, restore times from tests, and manual workarounds. Gaps go to the risk register.",
      expected_outcome: "A gap list: RTO/RPO vs tested capability.",
    },
  ],
  validation_checks: ["RTO/RPO are signed off by process owners, not set by IT", "Capability is based on tested restores", "Gaps are in the risk register"],
  related: ["tabletop-exercise-design", "risk-register-basics"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
