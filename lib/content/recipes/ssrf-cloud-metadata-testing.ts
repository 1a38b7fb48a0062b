import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ssrf-cloud-metadata-testing",
  title: "Test server-side request forgery up to cloud metadata, safely",
  summary:
    "Confirm that a server fetches URLs for you, work out what its filter really checks, reach the cloud instance metadata service without using what it returns, and recommend IMDSv2 and resolved-address allowlisting.",
  description:
    "SSRF in a cloud workload is often one request away from the role credentials of the instance. Testers need to prove that without using those credentials unless the rules of engagement allow it, and developers need fixes that survive DNS tricks and redirects.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["web-exploitation", "cloud-security", "secure-code-review"],
  tools: ["Burp Suite (Repeater, Collaborator) or interactsh", "curl", "Node.js or Python for parser checks", "AWS CLI"],
  prerequisites: [],
  inputs: ["A feature that takes a URL (import from URL, webhooks, previews, PDF rendering)", "The rules of engagement for cloud credentials"],
  environment: "Authorised test only. Use an out-of-band listener and a DNS name you control. Agree in advance what you may do with any credential you see.",
  steps: [
    {
      title: "Confirm the server fetches",
      body: "Submit a URL on your out-of-band listener. A request from the target's egress IP (often with a library User-Agent such as axios, python-requests or Go-http-client) proves a server-side fetch.",
      command: "curl -s https://target.test/api/avatar-from-url -H 'Content-Type: application/json' -b session.txt -d '{\"url\":\"http://oast.pt-lab.test/probe.png\"}'",
      expected_outcome: "An interaction on your listener from the target's egress address.",
    },
    {
      title: "Learn what the filter checks",
      body:
        "Read the code if you have it. Check how the URL is parsed before it is compared: WHATWG parsers (Node's `URL`, browsers) turn decimal, hex and octal IPv4 into dotted decimal, so those classic tricks fail against them. String checks that never resolve DNS fall to a name that resolves to the blocked address; checks on the first URL only fall to redirects.",
      command: "node -e 'for (const u of [\"http://2852039166/\", \"http://0xA9FEA9FE/\", \"http://[::ffff:169.254.169.254]/\"]) console.log(u, new URL(u).hostname)'",
      expected_outcome: "A list of bypass families that can work against this filter, and the ones that cannot.",
    },
    {
      title: "Reach the metadata service and stop",
      body:
        "Request `/latest/meta-data/` and `/latest/meta-data/iam/security-credentials/` (AWS) to learn whether IMDSv1 answers and which role is attached. A token-less GET that succeeds means IMDSv2 is not required. Do not request the credentials document unless the rules of engagement allow it.",
      command: "{\"url\":\"https://pt-lab.test/r?to=http://169.254.169.254/latest/meta-data/iam/security-credentials/\"}",
      expected_outcome: "The role name and proof that IMDSv1 is enabled, with no credentials retrieved.",
      evidence_hint: "Save the requests and responses from your proxy.",
    },
    {
      title: "Validate only with approval",
      body:
        "If the client approves, retrieve the credentials once, run `aws sts get-caller-identity`, record the time, source IP and storage, delete them and ask the client to revoke the role's active sessions. Warn their SOC first: credentials used outside AWS can raise a GuardDuty `InstanceCredentialExfiltration` finding.",
      command: "AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=… aws sts get-caller-identity",
      expected_outcome: "The assumed-role ARN, and a handling record the client has acknowledged.",
    },
    {
      title: "Recommend fixes that hold",
      body:
        "Require IMDSv2 with a hop limit of 1; allowlist schemes, hosts and ports; resolve the host, reject private, loopback and link-local addresses, and connect to the address you checked; disable redirects or re-check every hop; do not echo upstream responses; give the role least privilege; alert on metadata credential use outside the instance.",
      command: "aws ec2 modify-instance-metadata-options --instance-id i-0a1b2c3d4e5f67890 --http-tokens required --http-put-response-hop-limit 1",
      expected_outcome: "A remediation list ordered by how quickly each item reduces risk.",
    },
  ],
  validation_checks: [
    "The server-side fetch is proven with an out-of-band interaction",
    "Each bypass claimed is explained from the parser and the filter",
    "No credential was used without written approval",
    "IMDSv2 and resolved-address checking are in the remediation",
  ],
  related: ["cvss-finding-writeup", "critical-finding-notification", "cloudtrail-investigation"],
  links: [
    { mission: "SSRF-02", stage: "review", required: true, order: 0 },
    { mission: "SSRF-02", stage: "metadata", required: true, order: 0 },
  ],
  mentor_curated: true,
  status: "published",
};

export default recipe;
