import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "NET-02",
  title: "Quiet beacon, noisy DNS",
  track: "defender",
  tier: "intermediate",
  summary: "Zeek logs from a design workstation show a metronome-regular HTTPS connection and DNS queries with strange long names. Measure the beacon, decode the tunnel and recommend containment.",
  story: `**Larchmont Architects** (140 staff) keeps its crown jewels — drawings for a hospital tender worth £40 million — on a file server in the office. A managed network sensor running **Zeek** feeds logs to you, the **managed SOC analyst** responsible for Larchmont's account.

The weekly threat hunt flagged workstation \`10.30.5.22\` (DSN-WS-22, used by a senior designer) for "periodic outbound connections". Your account manager wants to know by end of day whether this is a real compromise and what Larchmont should do.`,
  objectives: [
    "Recognise beaconing in connection logs and measure its interval",
    "Recognise DNS tunnelling and decode what is being sent",
    "Recommend proportionate containment with evidence",
  ],
  estimated_minutes: 75,
  skills: ["network-analysis", "decoding", "threat-hunting", "incident-response"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["beacon", "tunnel"], items: ["Beacon interval measured, not guessed", "Tunnelled content decoded and its sensitivity assessed"] },
  status: "published",
  stages: [
    {
      key: "beacon",
      title: "Measure the beacon",
      instructions: `\`zeek-cut\` output from \`conn.log\` (fields: ts, id.orig_h, id.orig_p, id.resp_h, id.resp_p, proto, service, duration, orig_bytes, resp_bytes, conn_state):

\`\`\`
1741600799.859066	10.30.5.22	50254	203.0.113.80	443	tcp	ssl	0.38	318	211	SF
1741600812.500000	10.30.5.40	51544	192.0.2.15	443	tcp	ssl	12.80	18244	1204882	SF
1741600860.257020	10.30.5.22	50261	203.0.113.80	443	tcp	ssl	0.37	318	219	SF
1741600919.771759	10.30.5.22	50270	203.0.113.80	443	tcp	ssl	0.39	318	211	SF
1741600931.200000	10.30.5.22	61022	10.30.0.10	53	udp	dns	0.01	74	190	SF
1741600979.672570	10.30.5.22	50282	203.0.113.80	443	tcp	ssl	0.31	322	211	SF
1741601003.900000	10.30.5.31	50110	10.30.0.25	445	tcp	smb	3.02	5120	88311	SF
1741601040.357960	10.30.5.22	50291	203.0.113.80	443	tcp	ssl	0.43	318	219	SF
1741601100.068433	10.30.5.22	50303	203.0.113.80	443	tcp	ssl	0.50	318	219	SF
\`\`\`

1. Filter the flows from \`10.30.5.22\` to \`203.0.113.80\` and compute the gaps between consecutive \`ts\` values (e.g. \`awk '$4=="203.0.113.80"{if(p)print $1-p; p=$1}'\`).
2. Describe the pattern: interval, jitter, byte sizes. Why do near-identical small sizes matter?
3. Convert the first timestamp to UTC.

**Hand in:** the beacon interval in whole seconds in the answer box; the gaps and your description in notes.`,
      required_skills: ["network-analysis", "threat-hunting"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "60", explanation: "Gaps are 60.4, 59.5, 59.9, 60.7 and 59.7 s: a 60-second beacon with under 1 s of jitter and constant ~320/215-byte exchanges." },
      answer_prompt: "Beacon interval (seconds)",
      recipes: ["zeek-beacon-analysis", "wireshark-display-filters"],
      hints: [
        { text: "Ignore the lines to 192.0.2.15, 10.30.0.10 and 10.30.0.25: different destinations.", penalty: 2 },
        { text: "1741600860.257 − 1741600799.859 ≈ 60.4.", penalty: 5 },
      ],
    },
    {
      key: "tunnel",
      title: "Decode the DNS tunnel",
      instructions: `\`dns.log\` for the same host (fields: ts, id.orig_h, query, qtype_name, rcode_name):

\`\`\`
1741600931.200000	10.30.5.22	on2gcz3ffuysa4dboj2camzan5tcaoj2ebygc6lsn5wgyxzsgazdkx2rgexgg43w.t.stat-sync.test	TXT	NOERROR
1741600931.880000	10.30.5.22	jbjcazlyobxxe5baojxxo4zagewtima.t.stat-sync.test	TXT	NOERROR
1741600935.020000	10.30.5.22	fileserver01.larchmont-arch.test	A	NOERROR
1741600961.410000	10.30.5.22	outlook.office365.test	A	NOERROR
\`\`\`

1. Explain why the first two queries look like tunnelling (length, entropy, record type, one parent domain).
2. The labels are **base32** (lower-cased, padding removed). Decode them: upper-case, add \`=\` padding to a multiple of 8, then decode (CyberChef *From Base32*, or \`base32 -d\`).
3. Assess what is leaving the network.

**Hand in:** the registered domain used for tunnelling in the answer box; decoded strings and your assessment in notes.`,
      required_skills: ["decoding", "network-analysis"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text", "image"], description: "Your decoding output (command output or CyberChef screenshot)." },
      notes_min_chars: 40,
      weight: 3,
      answer: { kind: "exact", value: "stat-sync.test", explanation: "Queries are subdomains of t.stat-sync.test; they decode to 'stage-1 part 3 of 9: payroll_2025_Q1.csv' and 'HR export rows 1-40'." },
      answer_prompt: "Tunnelling domain",
      recipes: ["cyberchef-decoding", "zeek-beacon-analysis"],
      hints: [
        { text: "Base32 uses only a–z and 2–7: that is why there are no 0, 1, 8 or 9 in the labels.", penalty: 2 },
        { text: "`echo ON2GCZ3F...W | base32 -d` after upper-casing and padding with `=`.", penalty: 5 },
        { text: "The first label decodes to text starting with 'stage-1 part 3 of 9'.", penalty: 10 },
      ],
    },
    {
      key: "recommend",
      title: "Recommend containment",
      instructions: `Write the recommendation to Larchmont's IT manager (non-specialist). Include:

1. **Verdict** with confidence: is DSN-WS-22 compromised? What is the evidence?
2. **Immediate actions**: isolate the workstation via EDR network containment (keep it powered on for memory capture), block \`203.0.113.80\` and \`*.stat-sync.test\` at the firewall and DNS resolver, preserve the Zeek logs.
3. **Scoping**: which other hosts to check (any host resolving \`stat-sync.test\` or talking to \`203.0.113.80\`) and the query to do it.
4. **Notification**: the decoded file names suggest payroll/HR data — who at Larchmont must decide on GDPR notification, and by when.

**Hand in:** the recommendation in notes.`,
      required_skills: ["incident-response", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["contain-host-and-account", "breach-notification-clock"],
      hints: [
        { text: "Powering off destroys memory evidence; network isolation keeps it.", penalty: 2 },
        { text: "'part 3 of 9' suggests more than what you saw: ask for the full dns.log history.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "beaconing", stage: "beacon", title: "Beacon analysis", weight: 2, skills: ["network-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "No interval or wrong flows used." },
      { points: 1, label: "Partial", descriptor: "Interval stated without computed gaps." },
      { points: 2, label: "Competent", descriptor: "Gaps computed, 60 s interval, jitter and size regularity explained." },
      { points: 3, label: "Strong", descriptor: "As competent, with UTC time conversion and a reusable query for other hosts." } ] },
    { key: "tunnelling", stage: "tunnel", title: "DNS tunnel decoding", weight: 3, skills: ["decoding", "network-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "Tunnelling not recognised." },
      { points: 1, label: "Partial", descriptor: "Recognised but not decoded." },
      { points: 2, label: "Competent", descriptor: "Both labels decoded, domain identified, indicators explained." },
      { points: 3, label: "Strong", descriptor: "As competent, and infers the missing parts (3 of 9) and the data sensitivity." } ] },
    { key: "recommendation", stage: "recommend", title: "Recommendation", weight: 2, skills: ["incident-response", "communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No recommendation submitted." },
      { points: 1, label: "Partial", descriptor: "Actions listed but evidence or scoping missing." },
      { points: 2, label: "Competent", descriptor: "Verdict with evidence, containment preserving memory, scoping query, notification owner." },
      { points: 3, label: "Strong", descriptor: "As competent, in plain language a non-specialist can act on today." } ] },
  ],
};

export default mission;
