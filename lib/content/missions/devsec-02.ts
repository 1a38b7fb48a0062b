import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "DEVSEC-02",
  title: "The pipeline that hands out secrets",
  track: "innovation",
  tier: "intermediate",
  summary: "An open-source SDK's GitHub Actions workflow runs untrusted pull-request code with production secrets. Find the flaws, prove them safely, and ship a hardened pipeline with secret scanning.",
  story: `**Corvid Maps** publishes an open-source JavaScript SDK used by 3,000 websites; its release pipeline publishes to npm and uploads builds to a CDN bucket. Anyone on the internet can open a pull request.

You are the **DevSecOps engineer** who just joined. A contributor emailed that "your PR workflow looks scary". If an attacker can steal the npm token, every website using the SDK could load malicious code — a supply-chain attack.`,
  objectives: [
    "Identify dangerous triggers, injection and over-privileged tokens in a workflow",
    "Find secrets already committed to history",
    "Ship a hardened workflow and prevention controls",
  ],
  estimated_minutes: 100,
  skills: ["devsecops", "secure-code-review", "automation", "threat-modeling"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["review", "harden"], items: ["The fix removes untrusted code execution with secrets"] },
  status: "published",
  stages: [
    {
      key: "review",
      title: "Review the workflow",
      instructions: `\`.github/workflows/pr-preview.yml\`:

\`\`\`yaml
name: PR preview
on:
  pull_request_target:
    types: [opened, synchronize]
permissions: write-all
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
      - name: Comment
        run: echo "Preview for \${{ github.event.pull_request.title }}" >> $GITHUB_STEP_SUMMARY
      - uses: some-user/s3-upload-action@main
        with:
          bucket: corvid-previews
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
\`\`\`

Find at least four problems: the trigger combined with the checkout, script injection, token permissions, unpinned third-party action, secrets exposure.

**Hand in:** the trigger name that makes this workflow dangerous in the answer box; each problem with its attack scenario in notes.`,
      required_skills: ["devsecops", "secure-code-review"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "pull_request_target", explanation: "pull_request_target runs in the base repository's context with secrets; checking out the PR head then runs attacker code (npm ci runs lifecycle scripts) with those secrets." },
      answer_prompt: "Dangerous trigger",
      recipes: ["github-actions-hardening", "semgrep-custom-rule"],
      hints: [
        { text: "`npm ci` runs `preinstall`/`postinstall` scripts from the attacker's package.json.", penalty: 2 },
        { text: "A PR title like `\"; curl ... | sh; echo \"` is interpolated straight into the shell.", penalty: 5 },
      ],
    },
    {
      key: "history",
      title: "Scan the history for secrets",
      instructions: `Run gitleaks over the full history. The (redacted) report shows:

\`\`\`json
[
  {"RuleID":"npm-access-token","File":".npmrc","Commit":"a41c9e0f","StartLine":2,"Date":"2023-11-02T10:14:00Z"},
  {"RuleID":"aws-access-token","File":"scripts/deploy.sh","Commit":"77b2d1aa","StartLine":9,"Date":"2024-04-18T16:40:00Z"},
  {"RuleID":"generic-api-key","File":"test/fixtures/config.json","Commit":"c03e5b72","StartLine":4,"Date":"2024-09-01T08:00:00Z"}
]
\`\`\`

The fixture key is a dummy value used in tests.

1. Decide which findings are true positives.
2. Write the response: rotate first (npm token, AWS key), check usage logs (npm publish history, CloudTrail for the key), then decide on history rewriting.

**Hand in:** the number of true positives in the answer box; the response plan in notes.`,
      required_skills: ["devsecops", "automation"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["json", "text"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "2", explanation: "The npm token and the AWS key are real; the fixture is a documented dummy (add it to .gitleaksignore)." },
      answer_prompt: "True positives",
      recipes: ["ci-secret-scanning", "cloudtrail-investigation"],
      hints: [
        { text: "Deleting a secret in a new commit does not remove it from history — or from forks.", penalty: 2 },
        { text: "Check npm's publish history for versions you did not release.", penalty: 5 },
      ],
    },
    {
      key: "harden",
      title: "Ship the hardened pipeline",
      instructions: `Rewrite the workflow and add prevention:

- \`on: pull_request\` for building untrusted code (no secrets); a separate, approved workflow for previews if needed;
- \`permissions: contents: read\` by default;
- pass the PR title through an environment variable, never inline \`\${{ }}\` in \`run:\`;
- pin third-party actions to a full commit SHA;
- replace AWS keys with OIDC (\`id-token: write\`) on the trusted release workflow only;
- npm publish only from a protected \`release\` environment with required reviewers and npm provenance;
- gitleaks in CI and a pre-commit hook; \`zizmor\` or \`actionlint\` in CI.

**Hand in:** the new workflow file(s) as an attached file and a short PR description in notes.`,
      required_skills: ["devsecops", "threat-modeling"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text"], description: "The hardened workflow YAML." },
      notes_min_chars: 40,
      weight: 3,
      recipes: ["github-actions-hardening", "ci-secret-scanning", "stride-threat-model"],
      hints: [
        { text: "Split untrusted build (no secrets) from trusted publish (secrets, approval).", penalty: 2 },
        { text: "`env: TITLE: ${{ github.event.pull_request.title }}` then `run: echo \"$TITLE\"`.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "workflow-review", stage: "review", title: "Workflow review", weight: 3, skills: ["devsecops"], levels: [
      { points: 0, label: "Missing", descriptor: "Trigger risk not identified." },
      { points: 1, label: "Partial", descriptor: "Some issues without attack scenarios." },
      { points: 2, label: "Competent", descriptor: "Four or more issues with realistic attack scenarios." },
      { points: 3, label: "Strong", descriptor: "As competent, ranked by impact on SDK users." } ] },
    { key: "secret-response", stage: "history", title: "Secret response", weight: 2, skills: ["devsecops"], levels: [
      { points: 0, label: "Missing", descriptor: "No response plan submitted." },
      { points: 1, label: "Partial", descriptor: "Plans to rewrite history without rotating." },
      { points: 2, label: "Competent", descriptor: "Two true positives, rotation first, usage checks." },
      { points: 3, label: "Strong", descriptor: "As competent, with npm provenance check and fixture allow-listing." } ] },
    { key: "hardened-pipeline", stage: "harden", title: "Hardened pipeline", weight: 3, skills: ["devsecops", "threat-modeling"], levels: [
      { points: 0, label: "Missing", descriptor: "No new workflow submitted." },
      { points: 1, label: "Partial", descriptor: "Some fixes, untrusted code still runs with secrets." },
      { points: 2, label: "Competent", descriptor: "Untrusted/trusted split, least privilege, pinning, OIDC, scanning." },
      { points: 3, label: "Strong", descriptor: "As competent, with protected release environment and provenance." } ] },
  ],
};

export default mission;
