import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "ssh-brute-force-triage",
  title: "Triage an SSH brute-force alert",
  summary: "A decision procedure for SSH brute-force alerts: true or false positive, did it succeed, how urgent is it, and what to do in the next 15 minutes.",
  description: "Most brute-force alerts are background noise from internet scanners; a few are the start of a compromise. This recipe gives a Tier 1 analyst a repeatable triage: confirm, scope, check for success, rate urgency and choose the next action.",
  type: "process",
  difficulty: "beginner",
  estimated_minutes: 20,
  skills: ["alert-triage", "log-analysis"],
  tools: ["SIEM", "grep", "whois"],
  prerequisites: ["grep-awk-auth-logs"],
  inputs: ["The alert (host, time window, rule name)", "sshd logs for the window"],
  steps: [
    {
      title: "Confirm the alert is real",
      body: "Open the raw events behind the alert. Check the host, the time window and that the events are password failures (not `Connection closed [preauth]` scanner noise).",
      expected_outcome: "You can quote at least two raw log lines that triggered the rule.",
    },
    {
      title: "Identify and profile the source",
      body: "Rank sources by failure count. For the top source, note whether it is internal (RFC 1918: 10/8, 172.16/12, 192.168/16) or external, and check its owner and reputation in your threat intel platform.",
      command: "grep 'Failed password' auth.log | awk '{print $(NF-3)}' | sort | uniq -c | sort -rn | head",
      expected_outcome: "One or a few sources, each labelled internal/external with an owner.",
    },
    {
      title: "Scope targeted accounts",
      body: "Accounts that exist (no `invalid user`) matter most, especially privileged or service accounts such as root, deploy, backup.",
      expected_outcome: "A list of targeted accounts, existing ones flagged.",
    },
    {
      title: "Check for a successful login",
      body: "An `Accepted` line from the attacking source changes everything: treat the host as compromised.",
      command: "grep 'Accepted' auth.log | grep -F '<attacker-ip>'",
      expected_outcome: "Yes/no, with account and timestamp if yes.",
    },
    {
      title: "Rate and act",
      body: "No success + external scanner: tune or suppress, note it. Failures against existing accounts on an exposed jump host: block the source, recommend key-only auth. Any success: contain (block, lock account, preserve evidence) and escalate to incident response.",
      expected_outcome: "A triage verdict (false positive / true positive — attempt / true positive — compromise) and one next action.",
    },
  ],
  validation_checks: [
    "Your verdict names the evidence it rests on (quoted lines)",
    "A successful login always leads to containment and escalation",
    "Noise sources are explicitly ruled out, not ignored",
  ],
  related: ["grep-awk-auth-logs", "contain-host-and-account", "ir-escalation-ticket"],
  links: [{ mission: "SIEM-01", stage: "scope", required: false, order: 1 }, { module: "logs-and-siem", required: false, order: 2 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
