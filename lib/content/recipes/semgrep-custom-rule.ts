import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "semgrep-custom-rule",
  title: "Write a custom Semgrep rule and run it in CI",
  summary: "Capture a bug pattern you found in review as a Semgrep rule, test it with annotated examples, and run it on every pull request so the bug cannot come back.",
  description: "A finding fixed once can be reintroduced tomorrow. This recipe encodes the pattern as a Semgrep rule with positive and negative test cases and wires it into a CI pipeline with a failing exit code.",
  type: "tooling",
  difficulty: "intermediate",
  estimated_minutes: 35,
  skills: ["secure-code-review", "devsecops", "automation"],
  tools: ["semgrep", "GitHub Actions or GitLab CI"],
  prerequisites: ["sql-injection-code-review"],
  steps: [
    {
      title: "Write the pattern",
      body: "Match the dangerous construct with metavariables.",
      command: "rules:\n  - id: sqlite-string-built-query\n    languages: [python]\n    severity: ERROR\n    message: SQL built from strings; use bind parameters\n    patterns:\n      - pattern-either:\n          - pattern: $DB.execute($A + $B, ...)\n          - pattern: $DB.execute(f\"...\", ...)\n          - pattern: $DB.execute($S % $X, ...)",
      expected_outcome: "A rules file with one rule.",
    },
    {
      title: "Add test cases",
      body: "Create `sqlite-string-built-query.py` next to the rule with `# ruleid:` above bad lines and `# ok:` above safe ones.",
      command: "semgrep --test rules/",
      expected_outcome: "All annotated cases pass.",
    },
    {
      title: "Run on the codebase",
      body: "Scan and triage the results.",
      command: "semgrep --config rules/ --error .",
      expected_outcome: "Existing occurrences listed; exit code 1 if any.",
    },
    {
      title: "Gate pull requests",
      body: "Add a CI job running the same command on changed files; start in warning mode for a week, then make it blocking.",
      command: "semgrep ci --config rules/",
      expected_outcome: "A PR with the bad pattern fails the check.",
    },
  ],
  validation_checks: ["`semgrep --test` passes with at least one ruleid and one ok case", "The CI job fails on a deliberately bad commit"],
  related: ["sql-injection-code-review", "ci-secret-scanning"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
