import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "cloudtrail-investigation",
  title: "Investigate a leaked AWS access key with CloudTrail",
  summary: "Scope what a leaked or abused AWS access key did: find its identity, build its API timeline from CloudTrail, spot persistence (new users, keys, roles), and contain it without destroying evidence.",
  description: "Leaked access keys are the most common cloud incident. This recipe identifies the principal behind a key, reconstructs its activity from CloudTrail (Event history or Athena over the trail bucket), looks for persistence and data access, and contains the key in the right order.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 50,
  skills: ["cloud-security", "incident-response", "log-analysis"],
  tools: ["AWS CLI", "jq", "Athena"],
  prerequisites: ["jq-json-log-triage"],
  inputs: ["The access key ID", "Read access to CloudTrail logs"],
  steps: [
    {
      title: "Identify the principal",
      body: "Find which user owns the key and when it was last used.",
      command: "aws iam get-access-key-last-used --access-key-id AKIAEXAMPLEKEY00001\naws iam list-access-keys --user-name ci-deployer",
      expected_outcome: "User name, key creation date, last used time, service and region.",
    },
    {
      title: "Build the timeline",
      body: "Pull the key's events and sort them.",
      command: "aws cloudtrail lookup-events --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=AKIAEXAMPLEKEY00001 --max-results 50 \\\n  | jq -r '.Events[] | .CloudTrailEvent | fromjson | [.eventTime, .sourceIPAddress, .eventSource, .eventName, (.errorCode // \"ok\")] | @tsv' | sort",
      expected_outcome: "An ordered list of API calls with source IPs and errors.",
    },
    {
      title: "Look for persistence and escalation",
      body: "Red flags: CreateUser, CreateAccessKey, AttachUserPolicy, PutUserPolicy, CreateLoginProfile, UpdateAssumeRolePolicy, RunInstances in unusual regions.",
      command: "... | grep -E 'Create(User|AccessKey|LoginProfile)|Attach(User|Role)Policy|Put(User|Role)Policy|UpdateAssumeRolePolicy|RunInstances'",
      expected_outcome: "Every persistence action with the resource it created.",
    },
    {
      title: "Check data access",
      body: "S3 data events (GetObject) appear only if data events are enabled on the trail. List buckets touched and objects read.",
      expected_outcome: "A list of data stores accessed, or a documented visibility gap.",
    },
    {
      title: "Contain in order",
      body: "Deactivate (not delete) the key, attach a deny-all policy to the user, remove attacker-created users and keys after recording them, then rotate any secrets the principal could read.",
      command: "aws iam update-access-key --user-name ci-deployer --access-key-id AKIAEXAMPLEKEY00001 --status Inactive",
      expected_outcome: "The key is inactive, persistence removed, evidence preserved.",
    },
  ],
  validation_checks: ["Attacker-created identities are found and removed", "The key is deactivated before deletion", "Data-event visibility is stated"],
  related: ["jq-json-log-triage", "contain-host-and-account"],
  links: [],
  mentor_curated: true,
  status: "published",
};

export default recipe;
