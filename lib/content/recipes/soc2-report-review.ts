import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "soc2-report-review",
  title: "Review a supplier's SOC 2 Type II report",
  summary: "Check a SOC 2 report's type, period, scope, trust services criteria and subservice carve-outs; assess exceptions and complementary user entity controls; and turn gaps into contract conditions.",
  description: "A SOC 2 report is only assurance for what it covers, when it covers it. This recipe reads the sections that matter, in the order that matters, and produces a decision with conditions.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 50,
  skills: ["vendor-risk", "audit"],
  tools: ["The SOC 2 report", "Vendor risk template"],
  prerequisites: [],
  steps: [
    {
      title: "Opinion and period",
      body: "Type II (operating effectiveness over a period) vs Type I (design at a date). Note the period end; more than 3 months ago means you need a bridge letter. A qualified opinion is a red flag.",
      expected_outcome: "Type, period, opinion and gap length recorded.",
    },
    {
      title: "Scope and carve-outs",
      body: "Which systems, locations and criteria (Security, Availability, Confidentiality, Processing Integrity, Privacy) are covered? Carve-out subservice organisations need their own evidence.",
      expected_outcome: "In-scope vs your actual use of the service, with gaps listed.",
    },
    {
      title: "Exceptions",
      body: "In the testing section, list each exception, its sample rate and relevance to your data; read management's response critically — a fix after the period is untested.",
      expected_outcome: "Exceptions rated for relevance.",
    },
    {
      title: "CUECs",
      body: "Complementary user entity controls are your obligations; assign each to an owner in your organisation.",
      expected_outcome: "A CUEC owner list.",
    },
    {
      title: "Decide and condition",
      body: "Approve, approve with conditions (bridge letter, next report date, subservice reports, contract clauses), or escalate for risk acceptance.",
      expected_outcome: "A dated decision with conditions.",
    },
  ],
  validation_checks: ["Period gap computed", "Carve-outs addressed", "Every CUEC has an owner"],
  related: ["risk-register-basics", "audit-evidence-sampling"],
  links: [{ mission: "VEND-03", stage: "scope", required: false, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
