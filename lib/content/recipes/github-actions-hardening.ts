import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "github-actions-hardening",
  title: "Harden a CI/CD pipeline (GitHub Actions)",
  summary: "Reduce pipeline supply-chain risk: least-privilege tokens, pinned actions, no secrets on pull requests from forks, OIDC instead of long-lived cloud keys, and protected deployment environments.",
  description: "Pipelines hold the keys to production. This recipe reviews a workflow file against the common attack paths (poisoned pull requests, compromised third-party actions, over-privileged tokens, stored cloud keys) and fixes each one.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["devsecops", "cloud-security", "threat-modeling"],
  tools: ["GitHub Actions", "zizmor or actionlint"],
  prerequisites: ["ci-secret-scanning"],
  steps: [
    {
      title: "Restrict the token",
      body: "Set a default of read-only and grant write per job.",
      command: "permissions:\n  contents: read",
      expected_outcome: "Every workflow has an explicit top-level permissions block.",
    },
    {
      title: "Pin third-party actions",
      body: "Use full commit SHAs, not tags, for actions outside your organisation.",
      command: "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
      expected_outcome: "No `@v1`/`@main` references to third-party actions.",
    },
    {
      title: "Remove dangerous triggers",
      body: "`pull_request_target` with a checkout of the PR head runs untrusted code with secrets. Use `pull_request`, or never check out the head ref in that trigger. Never interpolate `${{ github.event.pull_request.title }}` into `run:`.",
      command: "zizmor .github/workflows/",
      expected_outcome: "No injection or dangerous-trigger findings.",
    },
    {
      title: "Replace stored cloud keys with OIDC",
      body: "Grant `id-token: write` to the deploy job and let the cloud provider trust the repository and branch.",
      expected_outcome: "No long-lived cloud keys in repository secrets.",
    },
    {
      title: "Protect deployments",
      body: "Use environments with required reviewers and branch restrictions for production.",
      expected_outcome: "Production deploys need an approval and only run from main.",
    },
  ],
  validation_checks: ["A scanner (zizmor/actionlint) reports no high findings", "No third-party action is referenced by tag", "No cloud access keys stored as secrets"],
  related: ["ci-secret-scanning", "semgrep-custom-rule"],
  links: [],
  mentor_curated: false,
  status: "published",
};

export default recipe;
