import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "wireshark-display-filters",
  title: "Wireshark and tshark display filters for investigations",
  summary: "Display filters and tshark one-liners that answer investigation questions: who talked to whom, which DNS names were resolved, what HTTP was requested, and which flows look like beaconing or tunnelling.",
  description: "A packet capture answers questions only if you filter it. This recipe gives the display filters and tshark field extractions analysts use most and shows how to move from conversations to suspicious flows.",
  type: "tooling",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["network-analysis", "ioc-extraction"],
  tools: ["Wireshark", "tshark"],
  prerequisites: [],
  inputs: ["A pcap or pcapng file"],
  steps: [
    {
      title: "Get the big picture",
      body: "Statistics → Conversations (IPv4, TCP) sorted by bytes, or with tshark:",
      command: "tshark -r capture.pcap -q -z conv,ip",
      expected_outcome: "The top talkers and the largest flows.",
    },
    {
      title: "DNS questions",
      body: "List every name queried, and spot long or random-looking subdomains (a sign of DNS tunnelling).",
      command: "tshark -r capture.pcap -Y 'dns.flags.response == 0' -T fields -e frame.time -e ip.src -e dns.qry.name | awk 'length($NF) > 50'",
      expected_outcome: "Suspiciously long query names and the host that sent them.",
    },
    {
      title: "HTTP and TLS",
      body: "`http.request` shows methods, hosts and URIs; `tls.handshake.type == 1` shows Client Hellos with the SNI (`tls.handshake.extensions_server_name`).",
      command: "tshark -r capture.pcap -Y 'tls.handshake.type == 1' -T fields -e ip.src -e ip.dst -e tls.handshake.extensions_server_name",
      expected_outcome: "Destinations by name, including ones without DNS.",
    },
    {
      title: "Beaconing",
      body: "Filter one suspect flow and look at the time deltas: regular intervals with small jitter suggest a C2 beacon.",
      command: "tshark -r capture.pcap -Y 'ip.dst == 203.0.113.80 && tcp.flags.syn == 1 && tcp.flags.ack == 0' -T fields -e frame.time_delta_displayed",
      expected_outcome: "Inter-connection times; a near-constant value is a beacon.",
    },
    {
      title: "Export indicators",
      body: "Record destination IPs, names, ports, first/last seen, and byte counts for the suspicious flows.",
      expected_outcome: "An indicator list with times.",
    },
  ],
  validation_checks: ["Every indicator has first-seen and last-seen times", "You distinguished queries from responses in DNS", "Beaconing claims are backed by measured intervals"],
  related: ["read-iptables-firewall-logs", "jq-json-log-triage"],
  links: [{ module: "networking-essentials", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
