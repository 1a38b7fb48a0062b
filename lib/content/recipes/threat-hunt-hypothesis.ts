import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "threat-hunt-hypothesis",
  title: "Run a hypothesis-driven threat hunt",
  summary: "Write a testable hunt hypothesis from intelligence or ATT&CK, decide the data and query, run it, triage results against a baseline, and turn what you learn into a detection or a documented negative.",
  description: "Hunting is not browsing logs. This recipe follows the hypothesis → data → query → analysis → outcome loop, with Kerberoasting as the worked example in Windows event logs.",
  type: "process",
  difficulty: "advanced",
  estimated_minutes: 60,
  skills: ["threat-hunting", "siem-querying", "mitre-attack"],
  tools: ["Microsoft Sentinel or Splunk"],
  prerequisites: ["mitre-attack-mapping"],
  steps: [
    {
      title: "Write the hypothesis",
      body: "Specific and falsifiable: *An attacker with a domain user account is requesting RC4-encrypted service tickets for many SPNs in a short time (T1558.003 Kerberoasting).*",
      expected_outcome: "One sentence naming actor, behaviour, technique and observable.",
    },
    {
      title: "Identify the data",
      body: "Event ID 4769 (Kerberos service ticket requested) on domain controllers, with TicketEncryptionType 0x17 (RC4-HMAC).",
      expected_outcome: "Data source confirmed present and retained for the hunt window.",
    },
    {
      title: "Query",
      body: "Count distinct services per requesting account.",
      command: "SecurityEvent\n| where EventID == 4769 and TicketEncryptionType == \"0x17\"\n| where ServiceName !endswith \"$\" and ServiceName != \"krbtgt\"\n| summarize Services = dcount(ServiceName), SPNs = make_set(ServiceName, 50) by TargetUserName, IpAddress, bin(TimeGenerated, 1h)\n| where Services > 5",
      expected_outcome: "Accounts that requested many RC4 tickets in an hour.",
    },
    {
      title: "Triage against a baseline",
      body: "Compare with the previous 30 days: service accounts and scanners may do this legitimately. Check the source host and the user's normal behaviour.",
      expected_outcome: "Each hit labelled benign (with reason) or suspicious.",
    },
    {
      title: "Close the loop",
      body: "Suspicious: open an incident. Either way: turn the query into a detection if it is precise enough, and record the hunt (hypothesis, data, query, result, date).",
      expected_outcome: "A hunt record and, if justified, a new detection.",
    },
  ],
  validation_checks: ["The hypothesis is falsifiable", "Results are compared to a baseline", "The hunt ends with a detection, an incident or a documented negative"],
  related: ["mitre-attack-mapping", "splunk-spl-auth-failures", "sigma-rule-from-log"],
  links: [],
  mentor_curated: true,
  status: "published",
};

export default recipe;
