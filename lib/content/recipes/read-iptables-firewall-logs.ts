import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "read-iptables-firewall-logs",
  title: "Read firewall logs: direction, ports and call-backs",
  summary: "Read iptables/netfilter LOG lines field by field, tell inbound from outbound, and spot the outbound call-back that turns an attempted intrusion into a compromise.",
  description: "Firewall logs are terse. This recipe decodes the netfilter LOG format (IN, OUT, SRC, DST, PROTO, SPT, DPT, flags), builds quick summaries with awk, and explains which patterns matter: outbound connections from servers to unknown addresses, unusual destination ports, and internal lateral movement after a compromise.",
  type: "analysis",
  difficulty: "beginner",
  estimated_minutes: 20,
  skills: ["network-analysis", "log-analysis"],
  tools: ["grep", "awk"],
  prerequisites: [],
  inputs: ["Firewall log lines from kern.log or syslog"],
  steps: [
    {
      title: "Decode one line",
      body: "`IN=` is the interface the packet arrived on, `OUT=` where it leaves. `SRC`/`DST` are addresses, `SPT`/`DPT` ports. `SYN` without `ACK` is a new connection attempt. Your log prefix (e.g. `[FW-OUT-ALLOW]`) tells you the rule that matched.",
      expected_outcome: "You can state for any line: who initiated, to whom, on which port, allowed or dropped.",
    },
    {
      title: "Summarise flows",
      body: "Extract source, destination and destination port and count them.",
      command: "grep -oE 'SRC=[^ ]+ DST=[^ ]+ .*DPT=[0-9]+' kern.log | awk '{print $1, $2, $NF}' | sort | uniq -c | sort -rn",
      expected_outcome: "A table of flows with counts.",
    },
    {
      title: "Find servers calling out",
      body: "A server that *initiates* a connection to an external address you do not recognise is a red flag — especially on ports like 4444, 1337, 8081 or high random ports. Filter on your server subnets as SRC.",
      command: "grep 'FW-OUT' kern.log | grep -E 'SRC=10\\.20\\.0\\.' | grep -vE 'DST=10\\.'",
      expected_outcome: "Outbound connections from the server subnet to the internet, each one explainable or suspicious.",
    },
    {
      title: "Look for lateral movement",
      body: "After a compromise, the host starts talking to internal services it never talked to before (databases 5432/1433/3306, SMB 445, RDP 3389). Compare with a baseline week.",
      expected_outcome: "A list of new internal destinations from the suspect host.",
    },
  ],
  validation_checks: [
    "You never confuse SRC and DST for outbound lines",
    "Each suspicious flow is listed with time, SRC, DST, DPT and the rule prefix",
  ],
  related: ["contain-host-and-account", "wireshark-display-filters"],
  links: [{ mission: "SIEM-01", stage: "watch", required: false, order: 0 }, { module: "networking-essentials", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
