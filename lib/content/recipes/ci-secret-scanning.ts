import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ci-secret-scanning",
  title: "Find and stop secrets in Git with gitleaks",
  summary: "Scan a repository's full history for committed secrets with gitleaks, triage and rotate what you find, and block new secrets with a pre-commit hook and a CI job.",
  description: "Secrets in Git history stay exploitable after the line is deleted. This recipe scans history, triages true positives, rotates credentials (the only real fix), and prevents recurrence at commit and pipeline level.",
  type: "tooling",
  difficulty: "intermediate",
  estimated_minutes: 35,
  skills: ["devsecops", "automation", "secure-code-review"],
  tools: ["gitleaks", "pre-commit", "CI"],
  prerequisites: [],
  steps: [
    {
      title: "Scan the full history",
      body: "gitleaks walks every commit.",
      command: "gitleaks detect --source . --log-opts=\"--all\" --report-format json --report-path gitleaks.json",
      expected_outcome: "A JSON report of findings with commit, file, line and rule.",
    },
    {
      title: "Triage",
      body: "Summarise by rule and file; confirm each finding is a real, live credential.",
      command: "jq -r '.[] | [.RuleID, .File, .Commit[0:8], .StartLine] | @tsv' gitleaks.json | sort | uniq -c",
      expected_outcome: "True positives separated from test fixtures.",
    },
    {
      title: "Rotate, then clean",
      body: "Revoke and reissue each live secret first. Rewriting history (git filter-repo) is optional and disruptive; rotation is mandatory.",
      expected_outcome: "Every live secret rotated, with the date recorded.",
    },
    {
      title: "Prevent",
      body: "Add a pre-commit hook for developers and a CI job that fails the build on new secrets. Put accepted false positives in `.gitleaksignore`.",
      command: "gitleaks protect --staged --redact\n# CI\ngitleaks detect --source . --redact --exit-code 1",
      expected_outcome: "A test commit with a fake key is blocked.",
    },
  ],
  validation_checks: ["All history scanned, not only HEAD", "Every true positive rotated", "CI fails on a planted test secret"],
  related: ["semgrep-custom-rule", "github-actions-hardening"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
