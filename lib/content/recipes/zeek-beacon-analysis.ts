import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "zeek-beacon-analysis",
  title: "Find beacons and DNS tunnels in Zeek logs",
  summary: "Use zeek-cut, awk and sort to find periodic connections (beacons) in conn.log and tunnelling patterns in dns.log: measure intervals, jitter and sizes, and score query names by length.",
  description: "Command-and-control traffic is often small, regular and boring — which is exactly what makes it detectable. This recipe measures periodicity per flow and looks for DNS queries that carry data in their names.",
  type: "analysis",
  difficulty: "intermediate",
  estimated_minutes: 35,
  skills: ["network-analysis", "threat-hunting"],
  tools: ["Zeek", "zeek-cut", "awk", "sort"],
  prerequisites: ["read-iptables-firewall-logs"],
  inputs: ["conn.log and dns.log from a Zeek sensor"],
  steps: [
    {
      title: "Count connections per pair",
      body: "Rank source/destination/port pairs by count: beacons produce many similar connections.",
      command: "zeek-cut id.orig_h id.resp_h id.resp_p < conn.log | sort | uniq -c | sort -rn | head -20",
      expected_outcome: "Top talkers by connection count.",
    },
    {
      title: "Measure intervals",
      body: "For a candidate pair, compute gaps between consecutive timestamps, then the mean and spread.",
      command: "zeek-cut ts id.orig_h id.resp_h < conn.log | awk '$2==\"10.30.5.22\" && $3==\"203.0.113.80\"{if(p){d=$1-p; s+=d; ss+=d*d; n++} p=$1} END{m=s/n; print \"mean\",m,\"sd\",sqrt(ss/n-m*m)}'",
      expected_outcome: "A mean interval and a small standard deviation for a beacon.",
    },
    {
      title: "Check size regularity",
      body: "Beacons send and receive near-constant bytes when idle.",
      command: "zeek-cut id.resp_h orig_bytes resp_bytes < conn.log | awk '$1==\"203.0.113.80\"' | sort | uniq -c",
      expected_outcome: "A few repeated size pairs.",
    },
    {
      title: "Score DNS query names",
      body: "Long labels, many unique subdomains under one parent, TXT or NULL records suggest tunnelling.",
      command: "zeek-cut query qtype_name < dns.log | awk '{n=split($1,a,\".\"); print length(a[1]), $2, a[n-1]\".\"a[n]}' | sort -rn | head",
      expected_outcome: "Parent domains with unusually long first labels.",
    },
    {
      title: "Decide and document",
      body: "Rule out known periodic software (update agents, NTP, monitoring) by destination ownership before concluding.",
      expected_outcome: "A verdict per candidate with evidence.",
    },
  ],
  validation_checks: ["Intervals are computed, not eyeballed", "Known-good periodic services are ruled out", "DNS candidates are grouped by registered domain"],
  related: ["wireshark-display-filters", "cyberchef-decoding", "threat-hunt-hypothesis"],
  links: [{ mission: "NET-02", stage: "beacon", required: false, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
