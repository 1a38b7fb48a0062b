import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "password-policy-modernisation",
  title: "Modernise a password policy with NIST SP 800-63B",
  summary: "Review a legacy password policy clause by clause against NIST SP 800-63B and NCSC guidance, remove rules that backfire, add MFA and breached-password screening, and write enforceable wording.",
  description: "Composition rules and forced rotation make passwords predictable and drive sticky notes. Current guidance favours length, screening and MFA. This recipe produces a gap table and a short replacement policy.",
  type: "process",
  difficulty: "beginner",
  estimated_minutes: 30,
  skills: ["policy-writing", "identity-security"],
  tools: ["Document template"],
  prerequisites: [],
  steps: [
    {
      title: "Tabulate the current clauses",
      body: "One row per clause with its number and wording.",
      expected_outcome: "A clause table.",
    },
    {
      title: "Compare with SP 800-63B",
      body: "Key points: minimum 8 characters (allow at least 64); no composition rules; no periodic change without evidence of compromise; screen against breached and common passwords; no hints or knowledge-based questions; rate-limit failed attempts; allow paste and password managers.",
      expected_outcome: "Each clause marked keep / change / remove with the guidance reference.",
    },
    {
      title: "Add what is missing",
      body: "MFA for remote access, email and admins (phishing-resistant for admins); password manager; breached-password screening; a process for suspected compromise.",
      expected_outcome: "New clauses drafted.",
    },
    {
      title: "Write enforceable wording",
      body: "Use MUST/SHOULD/MAY; every MUST should be technically enforceable or auditable; add scope, owner, review date and exceptions.",
      expected_outcome: "A one-page policy.",
    },
  ],
  validation_checks: ["Rotation and composition rules removed or justified", "MFA requirement present", "Each MUST can be enforced or audited"],
  related: ["executive-risk-briefing", "iso27001-nist-csf-mapping"],
  links: [{ mission: "POL-01", stage: "gap", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
