import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "PIPE-02",
  title: "No more keys in the pipeline",
  track: "innovation",
  tier: "intermediate",
  summary: "A freight company's deploy workflow holds a 612-day-old admin key to production and runs on every branch. Inventory its secrets, fix the OIDC trust policy a colleague drafted, ship a hardened GitHub Actions workflow and prove the old keys are gone.",
  story: `**Tidewater Freight** (tidewater-freight.test) quotes shipping rates to 2,000 business customers through its **rates-api**, deployed to AWS ECS from GitHub Actions. The GitHub organisation \`tidewater-freight\` holds 140 repositories and 60 engineers have write access to at least one of them.

Last month a sister company lost a week to an incident that started with a cloud access key copied out of a CI log. Tidewater's CISO has set a rule: **no long-lived cloud credentials in CI by the end of the quarter**, starting with rates-api.

You are the **platform security engineer** given the job. A colleague has already drafted an IAM role for GitHub's OIDC provider and is keen to merge it. Your work decides whether Tidewater replaces one over-privileged key with a safer design — or with a role any repository in the organisation can assume.`,
  objectives: [
    "Inventory a pipeline's secrets: what each grants, who can use it, and its fate",
    "Review an OIDC trust policy and scope it to one repository and environment",
    "Write a least-privilege deploy workflow with environment protection",
    "Verify the new path, retire the old keys and rotate what was exposed",
  ],
  estimated_minutes: 120,
  skills: ["devsecops", "cloud-security", "automation", "identity-security"],
  reflection_required: true,
  success_criteria: {
    min_score: 60,
    required_stages: ["trust", "workflow"],
    items: ["The trust policy's sub condition names one repository and the production environment", "No static AWS key remains in GitHub"],
  },
  status: "published",
  stages: [
    {
      key: "inventory",
      title: "Inventory the secrets",
      instructions: `\`.github/workflows/deploy.yml\` in rates-api today:

\`\`\`yaml
name: deploy
on:
  push:
    branches: ["**"]
  workflow_dispatch:
env:
  AWS_REGION: eu-west-2
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: \${{ env.AWS_REGION }}
      - run: docker login -u tidewaterci -p \${{ secrets.DOCKERHUB_TOKEN }}
      - run: ./scripts/build-and-push.sh
      - run: ./scripts/migrate.sh
        env:
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
      - run: aws ecs update-service --cluster prod --service rates-api --force-new-deployment
      - run: curl -s -X POST -d '{"text":"rates-api deployed"}' \${{ secrets.SLACK_WEBHOOK_URL }}
\`\`\`

What the settings pages show:

| Secret | Stored as | Grants | Age | Rotated |
|---|---|---|---|---|
| AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY | Repository secret | IAM user \`gh-deployer\` with **AdministratorAccess** in the production account | 612 days | never |
| DOCKERHUB_TOKEN | **Organisation** secret, available to all 140 repositories | Push to every Tidewater image on Docker Hub | 400 days | never |
| DATABASE_URL | Repository secret | \`migrator\` user, owner of the production schema | 230 days | never |
| SLACK_WEBHOOK_URL | Repository secret | Post into #deployments | 90 days | — |

1. For each secret: what an attacker could do with it, who can cause a workflow to use it today (hint: look at the trigger), and its fate — **eliminate**, **move and scope**, or **rotate**.
2. Name two other problems in the workflow (e.g. the token on the command line, unpinned actions, missing \`permissions:\`).

**Hand in:** in the answer box, the secret that can be replaced with **no stored secret at all**; the inventory table in notes.`,
      required_skills: ["devsecops", "cloud-security"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "csv"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "^\\s*(aws_access_key_id|aws_secret_access_key|aws( access)? keys?|gh-deployer( keys?)?)(\\s*(/|,|and|&)\\s*(aws_access_key_id|aws_secret_access_key))?\\s*$",
        explanation: "The AWS key pair (IAM user gh-deployer) can be replaced by GitHub's OIDC token exchanged for short-lived role credentials — nothing stored. The others can only be moved to environment secrets, scoped and rotated (or, for Docker Hub, replaced by pushing to ECR with the same role).",
      },
      answer_prompt: "Secret that needs no stored replacement",
      recipes: ["ci-secret-scanning", "github-actions-hardening"],
      hints: [
        { text: "With a push trigger on every branch, anyone who can push a branch can run a step that uses every secret.", penalty: 2 },
        { text: "AWS can trust GitHub's OIDC identity token directly and issue one-hour credentials: no key to store.", penalty: 5 },
      ],
    },
    {
      key: "trust",
      title: "Fix the trust policy",
      instructions: `Your colleague's draft for role \`rates-api-deploy\`:

\`\`\`json
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      "StringLike": { "token.actions.githubusercontent.com:sub": "repo:tidewater-freight/*" }
    }
  }]
}
\`\`\`

And its permissions policy:

\`\`\`json
{ "Effect": "Allow", "Action": ["ecs:*", "ecr:*", "iam:PassRole"], "Resource": "*" }
\`\`\`

1. Explain who can assume this role today (which repositories, branches, pull requests).
2. Rewrite the condition so only the rates-api **production environment** can assume it (\`repo:tidewater-freight/rates-api:environment:production\`), with \`StringEquals\`.
3. Rewrite the permissions policy to least privilege: push to the one ECR repository, update the one ECS service, register task definitions, and pass only the task execution role (with an \`iam:PassedToService\` condition).

**Hand in:** the name of the condition key that must be narrowed in the answer box; both rewritten policies in notes.`,
      required_skills: ["cloud-security", "identity-security"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["json", "text"] },
      notes_min_chars: 60,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*(token\\.actions\\.githubusercontent\\.com:)?sub\\s*$",
        explanation: "token.actions.githubusercontent.com:sub — with repo:tidewater-freight/* any workflow in any of the 140 repositories, on any branch, can assume the deploy role. Pin it to repo:tidewater-freight/rates-api:environment:production.",
      },
      answer_prompt: "Condition key to narrow",
      recipes: ["github-actions-hardening"],
      hints: [
        { text: "The aud condition is fine; the other one decides which workflows are trusted.", penalty: 2 },
        { text: "A job that declares environment: production gets a sub ending in :environment:production instead of :ref:refs/heads/….", penalty: 5 },
      ],
    },
    {
      key: "workflow",
      title: "Ship the hardened workflow",
      instructions: `Write the new \`deploy.yml\`. Start from this skeleton and complete it:

\`\`\`yaml
name: deploy
on:
  push:
    branches: [main]
permissions: {}
concurrency: { group: deploy-prod, cancel-in-progress: false }
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      # which two permissions, and nothing else?
    steps:
      # checkout, pinned to a full commit SHA
      # configure-aws-credentials with role-to-assume, pinned to a full commit SHA
      # log in to ECR (not Docker Hub), build, push
      # migrate: where does the database credential come from now?
      # deploy the ECS service
\`\`\`

Requirements:
- \`id-token: write\` and \`contents: read\` only; no \`write-all\`, no static keys;
- the \`production\` environment protected by **required reviewers** and a **deployment branch rule** (main only) — describe the settings;
- \`DATABASE_URL\` as a production **environment** secret, or fetched from Secrets Manager with the role;
- no secret on a command line (\`--password-stdin\` or an action);
- every third-party action pinned to a commit SHA, with the version in a comment.

**Hand in:** the workflow file and a short note of the environment settings as attached files.`,
      required_skills: ["devsecops", "automation"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "json", "image"], description: "deploy.yml and environment settings." },
      notes_min_chars: 20,
      weight: 3,
      recipes: ["github-actions-hardening", "ci-secret-scanning"],
      hints: [
        { text: "Without id-token: write the job cannot request the OIDC token; with the top-level permissions: {} every other permission is off.", penalty: 2 },
        { text: "Pushing to ECR with the same role removes the Docker Hub token from this workflow entirely.", penalty: 5 },
      ],
    },
    {
      key: "verify",
      title: "Prove it and retire the keys",
      instructions: `After merging, a teammate pushes branch \`feature/rates-cache\` with a job that tries to assume the role. CloudTrail records:

\`\`\`json
{
  "eventName": "AssumeRoleWithWebIdentity",
  "errorCode": "AccessDenied",
  "userIdentity": {
    "type": "WebIdentityUser",
    "userName": "repo:tidewater-freight/rates-api:ref:refs/heads/feature/rates-cache",
    "identityProvider": "token.actions.githubusercontent.com"
  },
  "sourceIPAddress": "GitHubActions"
}
\`\`\`

1. Explain why this was denied and why that is the result you wanted. Show the matching successful event from the main-branch deploy (your own screenshot or log, or describe which fields you would check).
2. Retire the old path, in order: check \`aws iam get-access-key-last-used\` for gh-deployer's key, **deactivate** it, watch for a week, then delete the key and the user.
3. Rotate what was exposed to every branch for 612 days: the database password and the Docker Hub token; remove DOCKERHUB_TOKEN from the organisation secrets if ECR replaced it.
4. Prevent regression: enable secret scanning with push protection, add a secret-scanning job to pull requests, and an SCP or IAM rule alerting on new access keys for CI users.

**Hand in:** your verification evidence (CloudTrail excerpts or screenshots) and the retirement checklist with dates as attached files.`,
      required_skills: ["cloud-security", "devsecops"],
      evidence: { required: true, min_files: 1, max_files: 4, kinds: ["json", "text", "image"], description: "Verification evidence and retirement checklist." },
      notes_min_chars: 20,
      weight: 2,
      recipes: ["cloudtrail-investigation", "ci-secret-scanning"],
      hints: [
        { text: "The denied subject ends in :ref:refs/heads/feature/rates-cache, which does not equal the environment subject in the trust policy.", penalty: 2 },
        { text: "Deactivate before you delete: a deactivated key can be re-enabled if something you did not know about breaks.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "secret-inventory", stage: "inventory", title: "Secret inventory", weight: 2, skills: ["devsecops"], levels: [
      { points: 0, label: "Missing", descriptor: "No inventory submitted." },
      { points: 1, label: "Partial", descriptor: "Secrets listed without who can use them or their fate." },
      { points: 2, label: "Competent", descriptor: "Each secret's power, exposure through the all-branch trigger, and fate; two further workflow problems." },
      { points: 3, label: "Strong", descriptor: "As competent, and spots that the organisation-wide Docker token is exposed through all 140 repositories." } ] },
    { key: "trust-policy", stage: "trust", title: "Trust and permissions policy", weight: 3, skills: ["cloud-security", "identity-security"], levels: [
      { points: 0, label: "Missing", descriptor: "Draft accepted as written." },
      { points: 1, label: "Partial", descriptor: "Sub narrowed to the repository but not to the environment, or permissions left as wildcards." },
      { points: 2, label: "Competent", descriptor: "StringEquals on the environment subject; resource-scoped ECR, ECS and PassRole permissions." },
      { points: 3, label: "Strong", descriptor: "As competent, with the PassedToService condition and a note on session duration and tagging." } ] },
    { key: "hardened-workflow", stage: "workflow", title: "Hardened workflow", weight: 3, skills: ["devsecops", "automation"], levels: [
      { points: 0, label: "Missing", descriptor: "No workflow submitted." },
      { points: 1, label: "Partial", descriptor: "OIDC used but broad permissions, unpinned actions or secrets on command lines remain." },
      { points: 2, label: "Competent", descriptor: "Main-only, two permissions, protected environment, pinned actions, no static keys." },
      { points: 3, label: "Strong", descriptor: "As competent, and the workflow would still be safe if a new step were added carelessly." } ] },
    { key: "verification", stage: "verify", title: "Verification and retirement", weight: 2, skills: ["cloud-security"], levels: [
      { points: 0, label: "Missing", descriptor: "No verification or cleanup submitted." },
      { points: 1, label: "Partial", descriptor: "Keys deleted without checking last use, or exposed secrets not rotated." },
      { points: 2, label: "Competent", descriptor: "Positive and negative tests explained, staged key retirement, rotation of exposed secrets." },
      { points: 3, label: "Strong", descriptor: "As competent, with preventive controls that would catch a new static key." } ] },
  ],
};

export default mission;
