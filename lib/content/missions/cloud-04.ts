import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "CLOUD-04",
  title: "The key in the public repo",
  track: "defender",
  tier: "mastery",
  summary: "A CI access key leaked to a public repository and someone used it within minutes. Reconstruct the intrusion from CloudTrail, decide how to contain it, eradicate every foothold and decide when to notify.",
  story: `**Tallis Bioscience** runs its clinical-trial data platform on AWS (account \`111122223333\`). At 01:00 UTC a developer pushed a branch to a *public* GitHub repository by mistake; it contained the access key of the \`ci-deployer\` IAM user. GitHub's secret scanning alerted AWS, and AWS opened a support case at 01:31 — by then the key had already been used.

You are the **cloud incident lead** on call. The trial data includes pseudonymised health data from 4,000 patients across three EU countries. Your decisions in the next hours determine whether this is a contained credential leak or a reportable breach of special category data.

You have 72 hours to hand in the full case.`,
  objectives: [
    "Reconstruct the attacker's actions from CloudTrail",
    "Choose a containment strategy and live with its trade-offs",
    "Find and remove every persistence mechanism",
    "Establish what data was accessed, and say plainly what cannot be known",
    "Decide on notification and brief leadership",
  ],
  estimated_minutes: 360,
  skills: ["cloud-security", "incident-response", "log-analysis", "compliance", "communication"],
  time_constraint_hours: 72,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt: "What single preventive control would have made this incident impossible, and what would it have cost?",
  success_criteria: { min_score: 70, required_stages: ["timeline", "eradicate", "notify"], items: ["All attacker-created identities and the modified trust policy are found", "Data-access conclusions match the logging actually enabled"] },
  status: "published",
  stages: [
    {
      key: "timeline",
      title: "Reconstruct the timeline",
      instructions: `CloudTrail events for access key \`AKIAEXAMPLEKEY00001\` (\`ci-deployer\`), extracted with jq and abridged:

\`\`\`json
{"eventTime":"2025-05-12T01:02:11Z","eventName":"GetCallerIdentity","sourceIPAddress":"203.0.113.199","userAgent":"aws-cli/2.15.30"}
{"eventTime":"2025-05-12T01:03:40Z","eventName":"ListBuckets","sourceIPAddress":"203.0.113.199"}
{"eventTime":"2025-05-12T01:04:15Z","eventName":"ListAttachedUserPolicies","sourceIPAddress":"203.0.113.199","requestParameters":{"userName":"ci-deployer"}}
{"eventTime":"2025-05-12T01:05:02Z","eventName":"CreateUser","sourceIPAddress":"203.0.113.199","requestParameters":{"userName":"support-backup"}}
{"eventTime":"2025-05-12T01:05:09Z","eventName":"CreateAccessKey","sourceIPAddress":"203.0.113.199","requestParameters":{"userName":"support-backup"}}
{"eventTime":"2025-05-12T01:05:30Z","eventName":"AttachUserPolicy","sourceIPAddress":"203.0.113.199","requestParameters":{"userName":"support-backup","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}}
{"eventTime":"2025-05-12T01:06:12Z","eventName":"CreateLoginProfile","sourceIPAddress":"203.0.113.199","requestParameters":{"userName":"support-backup"}}
{"eventTime":"2025-05-12T01:09:47Z","eventName":"UpdateAssumeRolePolicy","sourceIPAddress":"203.0.113.199","requestParameters":{"roleName":"ci-deploy-role","policyDocument":"{...\"AWS\":\"arn:aws:iam::444455556666:root\"...}"}}
{"eventTime":"2025-05-12T01:14:03Z","eventName":"RunInstances","awsRegion":"ap-southeast-1","sourceIPAddress":"203.0.113.199","errorCode":"Client.UnauthorizedOperation"}
\`\`\`

\`ci-deployer\` had \`IAMFullAccess\` and \`AmazonS3FullAccess\` attached "temporarily" in 2023.

1. Build a UTC timeline and label each step with its ATT&CK tactic (discovery, persistence, privilege escalation, impact attempt).
2. Explain how a CI user could create an administrator.
3. Explain the \`UpdateAssumeRolePolicy\` event in plain words.

**Hand in:** the name of the IAM user the attacker created in the answer box; the timeline in notes.`,
      required_skills: ["cloud-security", "log-analysis"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "json", "csv"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "support-backup", explanation: "CreateUser support-backup at 01:05:02, then key, AdministratorAccess and console password." },
      answer_prompt: "IAM user created by the attacker",
      recipes: ["cloudtrail-investigation", "jq-json-log-triage", "mitre-attack-mapping"],
      hints: [
        { text: "IAMFullAccess lets a principal create users and attach any policy — including AdministratorAccess.", penalty: 3 },
        { text: "The trust policy change lets an account the attacker controls (444455556666) assume ci-deploy-role at will.", penalty: 6 },
      ],
    },
    {
      key: "observe",
      title: "Watching the attacker",
      instructions: `You left the credentials active for 40 minutes to learn more. CloudTrail (management events) and S3 server access logs for the trial bucket now show:

\`\`\`
2025-05-12T02:21:07Z  AssumeRole  arn:aws:iam::111122223333:role/ci-deploy-role  from account 444455556666  src 198.51.100.140
2025-05-12T02:22:30Z  ListObjectsV2  bucket=tallis-clinical-trials-prod  principal=assumed-role/ci-deploy-role/x
s3-access: 2025-05-12T02:23:01Z REST.GET.OBJECT tallis-clinical-trials-prod exports/site-DE/patients_2025Q1.parquet 200 18342911
s3-access: 2025-05-12T02:23:44Z REST.GET.OBJECT tallis-clinical-trials-prod exports/site-FR/patients_2025Q1.parquet 200 15220844
\`\`\`

1. Explain how the attacker got into the account this time, without the leaked key.
2. Quantify what was read (objects, bytes, data categories).
3. Reflect: what did observing cost, and what did it gain?

**Hand in:** the bucket name in the answer box; analysis in notes.`,
      required_skills: ["cloud-security", "log-analysis"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "json"] },
      notes_min_chars: 40,
      weight: 1,
      answer: { kind: "exact", value: "tallis-clinical-trials-prod", explanation: "Two patient exports (≈33.6 MB) were read via the backdoored role." },
      answer_prompt: "Bucket accessed",
      recipes: ["cloudtrail-investigation"],
      hints: [
        { text: "AssumeRole from account 444455556666 uses the trust policy changed at 01:09:47.", penalty: 3 },
        { text: "18,342,911 + 15,220,844 bytes.", penalty: 6 },
      ],
      next: "eradicate",
    },
    {
      key: "eradicate",
      title: "Eradicate every foothold",
      instructions: `Write the eradication runbook, in order, with the AWS CLI command for each step. It must:

1. Deactivate (not yet delete) \`AKIAEXAMPLEKEY00001\` and attach an explicit deny-all inline policy to \`ci-deployer\`.
2. Revoke active sessions of \`ci-deploy-role\` (\`AWSRevokeOlderSessions\` via the console, or an inline deny with \`aws:TokenIssueTime\` condition).
3. Restore the trust policy of \`ci-deploy-role\`.
4. Remove \`support-backup\`: its access keys, login profile, attached policies, then the user — after exporting its details as evidence.
5. Check every region for resources created by the attacker (\`RunInstances\` failed, but verify) and for other new IAM principals since 01:00.
6. Replace \`ci-deployer\` with GitHub OIDC federation and remove \`IAMFullAccess\`.

**Hand in:** the CloudTrail **event names** of every attacker persistence or privilege action you undo, comma-separated, in the answer box; the runbook as an attached file.`,
      required_skills: ["cloud-security", "incident-response"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "pdf"], description: "The eradication runbook with commands." },
      notes_min_chars: 40,
      weight: 3,
      answer: {
        kind: "set",
        values: ["CreateUser", "CreateAccessKey", "AttachUserPolicy", "CreateLoginProfile", "UpdateAssumeRolePolicy"],
        min_matches: 4,
        explanation: "Five changes: the user, its key, its admin policy, its console password, and the backdoored trust policy.",
      },
      answer_prompt: "Event names you undo",
      recipes: ["cloudtrail-investigation", "github-actions-hardening"],
      hints: [
        { text: "Persistence that survives a key rotation: a new user with its own key and password, and a role that trusts an outside account.", penalty: 3 },
        { text: "`aws iam delete-login-profile`, `delete-access-key`, `detach-user-policy`, `delete-user`, `update-assume-role-policy`.", penalty: 6 },
      ],
    },
    {
      key: "data-access",
      title: "What can we actually prove?",
      instructions: `Legal asks: *"Was patient data accessed before we contained it?"*

The facts about logging in account \`111122223333\`:

| Log | Status |
|---|---|
| CloudTrail management events | Enabled, all regions |
| CloudTrail S3 data events | **Not enabled** |
| S3 server access logs on tallis-clinical-trials-prod | Enabled, delivered with up to a few hours' delay, best effort |
| VPC flow logs | Enabled on production VPC only |

1. Explain which questions each log can and cannot answer.
2. Query the S3 server access logs (Athena) for every \`REST.GET.OBJECT\` by any principal other than the platform's own roles since 01:00.
3. Write the answer to Legal: what is known, what is unknown and why, and what that means for the notification decision.

**Hand in:** the answer to Legal and your Athena query in notes.`,
      required_skills: ["cloud-security", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["cloudtrail-investigation", "breach-notification-clock"],
      hints: [
        { text: "Management events show ListBuckets but never GetObject.", penalty: 3 },
        { text: "'Best effort' delivery means the absence of a log line is not proof that no access occurred.", penalty: 6 },
      ],
    },
    {
      key: "notify",
      title: "Notify and brief",
      instructions: `Awareness of a personal data breach was established at **2025-05-12 01:31 UTC** (AWS support case + confirmed key use).

Produce:

1. The **GDPR Art. 33 decision**: notify the lead supervisory authority or not, with the reasoning (pseudonymised health data is still personal data; the key holder of the pseudonyms is the trial sponsor).
2. The deadline (72 hours from awareness) and the phased content of the first notification.
3. A **half-page brief** for the CEO and the trial sponsor: what happened, what was accessed (or cannot be ruled out), what you have done, what you need from them.

**Hand in:** the brief as an attached file; the decision and deadline in notes.`,
      required_skills: ["compliance", "communication"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["pdf", "text"], description: "The leadership brief." },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["breach-notification-clock", "executive-risk-briefing"],
      hints: [
        { text: "Pseudonymised data remains personal data under GDPR Recital 26.", penalty: 3 },
        { text: "72 hours from 2025-05-12 01:31 is 2025-05-15 01:31 UTC.", penalty: 6 },
      ],
    },
    {
      key: "lessons",
      title: "Lessons learned",
      instructions: `Run a blameless post-incident review and write its output:

1. Root causes (not "the developer pushed to the wrong repo": *why* did a long-lived key with IAM rights exist, and why did a push reach a public repo?).
2. Three to five actions with owners and dates, e.g. GitHub OIDC for CI, an SCP denying \`iam:CreateUser\` outside the identity pipeline, S3 data events on regulated buckets, pre-commit secret scanning, an alert on \`UpdateAssumeRolePolicy\` adding external principals.
3. One metric that would show the actions worked.

**Hand in:** the review summary in notes.`,
      required_skills: ["cloud-security", "strategy"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["github-actions-hardening", "ci-secret-scanning"],
      hints: [
        { text: "Ask 'why' until you reach a control, not a person.", penalty: 3 },
        { text: "An SCP applies even to administrators in member accounts.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "contain-or-observe",
      after_stage: "timeline",
      prompt: "The attacker holds an admin user and a backdoored role. Do you contain now or observe to learn their objective?",
      choices: [
        {
          id: "contain-now",
          label: "Contain now: disable the key, lock the new user, restore the trust policy",
          consequence: "The attacker's next AssumeRole attempt at 02:21 fails with AccessDenied. You never learn their objective — but they never reach the trial data.",
          next_stage: "eradicate",
          score_delta: 15,
          ideal: true,
          rationale: "With administrator-level persistence in an account holding special category data, the value of observation is tiny compared with the harm. Cloud logs preserve the evidence anyway.",
        },
        {
          id: "observe",
          label: "Observe for 40 minutes with CloudTrail Lake and S3 access logs",
          consequence: "You learn exactly what they wanted. So do the patients whose data they took.",
          next_stage: "observe",
          score_delta: -15,
        },
      ],
    },
    {
      key: "notify-timing",
      after_stage: "eradicate",
      prompt: "Eradication is done. Legal wants certainty about data access before notifying anyone. What do you do?",
      choices: [
        {
          id: "notify-phased",
          label: "Start the notification clock now with a phased notification",
          consequence: "The DPO files an initial notification within 40 hours, stating what is known and what is still being established.",
          next_stage: "notify",
          score_delta: 10,
          ideal: true,
          rationale: "The 72-hour clock runs from awareness, and GDPR explicitly allows phased notification. Uncertainty is a reason to notify early, not late.",
        },
        {
          id: "establish-first",
          label: "Establish exactly what was accessed first",
          consequence: "You spend a day discovering the limits of your own logging before you can answer Legal.",
          next_stage: "data-access",
          score_delta: -5,
        },
      ],
    },
  ],
  rubric: [
    { key: "timeline-quality", stage: "timeline", title: "Timeline reconstruction", weight: 2, skills: ["cloud-security", "log-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "No timeline or key events missed." },
      { points: 1, label: "Partial", descriptor: "Events listed without interpretation or tactics." },
      { points: 2, label: "Competent", descriptor: "Complete UTC timeline, tactics labelled, escalation path via IAMFullAccess explained." },
      { points: 3, label: "Strong", descriptor: "As competent, and the trust-policy backdoor is identified as the most dangerous persistence." } ] },
    { key: "observation", stage: "observe", title: "Observation analysis", weight: 1, skills: ["cloud-security"], levels: [
      { points: 0, label: "Missing", descriptor: "No analysis submitted." },
      { points: 1, label: "Partial", descriptor: "Bucket found, access path not explained." },
      { points: 2, label: "Competent", descriptor: "Access path via the trust policy explained, data quantified." },
      { points: 3, label: "Strong", descriptor: "As competent, with an honest cost/benefit of the decision to observe." } ] },
    { key: "eradication", stage: "eradicate", title: "Eradication runbook", weight: 3, skills: ["cloud-security", "incident-response"], levels: [
      { points: 0, label: "Missing", descriptor: "No runbook or persistence left in place." },
      { points: 1, label: "Partial", descriptor: "Key disabled but the new user or trust policy remains." },
      { points: 2, label: "Competent", descriptor: "All five persistence changes undone in a safe order with commands and evidence export." },
      { points: 3, label: "Strong", descriptor: "As competent, plus session revocation, all-region sweep and replacement of the CI identity." } ] },
    { key: "data-access-honesty", stage: "data-access", title: "Evidence limits", weight: 2, skills: ["cloud-security", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "Claims certainty the logs cannot support." },
      { points: 1, label: "Partial", descriptor: "Logs described, but the answer to Legal is ambiguous." },
      { points: 2, label: "Competent", descriptor: "Correct statement of what each log proves; working Athena query." },
      { points: 3, label: "Strong", descriptor: "As competent, and turns the gap into a clear input to the notification decision." } ] },
    { key: "notification", stage: "notify", title: "Notification and brief", weight: 2, skills: ["compliance", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No decision or wrong deadline." },
      { points: 1, label: "Partial", descriptor: "Decision made but reasoning on pseudonymised data missing." },
      { points: 2, label: "Competent", descriptor: "Correct decision and deadline, phased content, clear brief." },
      { points: 3, label: "Strong", descriptor: "As competent; the brief tells the sponsor exactly what is needed from them." } ] },
    { key: "lessons-learned", stage: "lessons", title: "Lessons learned", weight: 1, skills: ["strategy"], levels: [
      { points: 0, label: "Missing", descriptor: "No review submitted." },
      { points: 1, label: "Partial", descriptor: "Blames individuals or lists generic actions." },
      { points: 2, label: "Competent", descriptor: "Blameless root causes and owned, dated actions." },
      { points: 3, label: "Strong", descriptor: "As competent, with preventive controls (OIDC, SCPs) and a measurable outcome." } ] },
  ],
};

export default mission;
