import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "splunk-spl-auth-failures",
  title: "Hunt authentication failures in Splunk and Sentinel",
  summary: "Write the SPL and KQL searches that find password spraying and brute force across Linux sshd and Windows logon events, with thresholds you can defend.",
  description: "Grep works on one host; a SIEM answers the same question across the estate. This recipe builds equivalent Splunk SPL and Microsoft Sentinel KQL searches for failed logons, separates brute force (one account, many guesses) from spraying (many accounts, few guesses) and turns the search into an alert.",
  type: "tooling",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["siem-querying", "log-analysis", "alert-triage"],
  tools: ["Splunk", "Microsoft Sentinel"],
  prerequisites: ["grep-awk-auth-logs"],
  inputs: ["Linux auth logs indexed (sourcetype linux_secure) or Windows Security events (4625)"],
  steps: [
    {
      title: "Failures per source in Splunk",
      body: "Extract the source IP and user from sshd failures with `rex` and count.",
      command: "index=os sourcetype=linux_secure \"Failed password\"\n| rex \"for (invalid user )?(?<user>\\S+) from (?<src>\\S+) port\"\n| stats count AS failures dc(user) AS users values(user) AS usernames BY src, host\n| sort - failures",
      expected_outcome: "One row per source and host with failure count and distinct usernames.",
    },
    {
      title: "Tell brute force from spraying",
      body: "Brute force: few users, many failures each. Spraying: many users (dc(user) > 10), one or two failures each. Add a ratio.",
      command: "... | eval per_user=round(failures/users,1) | where failures > 20",
      expected_outcome: "Sources classified by pattern.",
    },
    {
      title: "Same question in KQL (Windows 4625)",
      body: "In Sentinel, failed Windows logons are EventID 4625 in SecurityEvent.",
      command: "SecurityEvent\n| where TimeGenerated > ago(1h) and EventID == 4625\n| summarize Failures = count(), Users = dcount(TargetUserName), UserList = make_set(TargetUserName, 20) by IpAddress, Computer\n| where Failures > 20\n| order by Failures desc",
      expected_outcome: "The same table for Windows hosts.",
    },
    {
      title: "Join with successes",
      body: "The question that matters: did a failing source later succeed (4624 or `Accepted`)?",
      command: "index=os sourcetype=linux_secure (\"Failed password\" OR \"Accepted\")\n| rex \"(?<result>Failed|Accepted) \\S+ for (invalid user )?(?<user>\\S+) from (?<src>\\S+)\"\n| stats count(eval(result=\"Failed\")) AS failed count(eval(result=\"Accepted\")) AS accepted BY src\n| where failed > 5 AND accepted > 0",
      expected_outcome: "Sources that failed repeatedly and then succeeded — your highest-priority alerts.",
    },
    {
      title: "Save as an alert with a threshold",
      body: "Schedule every 15 minutes over the last 15 minutes, threshold tuned so that last month's data gives fewer than 2 false positives a day. Document the threshold and the reason.",
      expected_outcome: "A saved search or analytics rule with a documented threshold.",
    },
  ],
  validation_checks: [
    "The rex extraction works for both valid and invalid users",
    "The KQL and SPL searches return the same sources on the same data",
    "The alert threshold is justified with historical numbers",
  ],
  related: ["grep-awk-auth-logs", "sigma-rule-from-log", "ssh-brute-force-triage"],
  links: [{ mission: "SIEM-01", stage: "triage", required: false, order: 2 }, { module: "logs-and-siem", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
