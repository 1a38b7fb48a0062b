import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "nmap-service-scan",
  title: "Scan and interpret a host with nmap",
  summary: "Run a scoped nmap TCP scan, identify service versions and safe NSE script results, read open/closed/filtered states correctly, and turn output into a prioritised exposure list.",
  description: "nmap is the first tool of every assessment. Used carelessly it is noisy or out of scope; read carelessly it misleads. This recipe covers a safe scanning sequence and how to interpret what comes back.",
  type: "tooling",
  difficulty: "beginner",
  estimated_minutes: 30,
  skills: ["reconnaissance", "vulnerability-management"],
  tools: ["nmap"],
  prerequisites: [],
  environment: "Only scan addresses listed in your written scope, within the agreed time window.",
  steps: [
    {
      title: "Confirm scope",
      body: "Write the target list and time window from the authorisation into a file and scan only that file.",
      command: "cat scope.txt   # 198.51.100.50",
      expected_outcome: "A scope file matching the signed authorisation.",
    },
    {
      title: "Find open TCP ports",
      body: "A SYN scan of all ports; save output in all formats.",
      command: "sudo nmap -sS -p- --min-rate 1000 -iL scope.txt -oA full",
      expected_outcome: "A list of open, closed and filtered ports.",
    },
    {
      title: "Identify services",
      body: "Version detection and default (safe) scripts on the open ports only.",
      command: "sudo nmap -sV -sC -p21,22,80,443,3306,8080 -iL scope.txt -oA services",
      expected_outcome: "Product and version per port, plus script findings such as anonymous FTP or HTTP titles.",
    },
    {
      title: "Interpret states",
      body: "open: a service answered. closed: the host answered with RST, nothing listening. filtered: no answer or ICMP unreachable — a firewall is in the way. The SERVICE name without -sV is a guess from the port number.",
      expected_outcome: "Each port correctly classified.",
    },
    {
      title: "Prioritise exposure",
      body: "Rank by what a stranger can do now: data exposed without authentication > management or database services on the internet > end-of-life versions > informational banners.",
      expected_outcome: "A prioritised table of port, service, issue, urgency.",
    },
  ],
  validation_checks: ["Only in-scope addresses were scanned", "Filtered ports are not reported as open", "Versions are checked against vendor support status"],
  related: ["vuln-prioritisation-epss-kev", "cvss-finding-writeup"],
  links: [{ mission: "RECON-01", stage: "ports", required: true, order: 0 }, { module: "networking-essentials", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
