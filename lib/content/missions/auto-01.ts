import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "AUTO-01",
  title: "Stop copy-pasting indicators",
  track: "innovation",
  tier: "beginner",
  summary: "The SOC copies indicators out of threat reports by hand and makes mistakes. Write a small Python tool that extracts, refangs, de-duplicates and validates IPs, domains and hashes, and outputs JSON the SIEM can ingest.",
  story: `**Aldgate Credit Union** has a two-person SOC that receives about 15 threat advisories a week from its sector ISAC. An analyst copies each indicator into the SIEM's watchlist by hand — about three hours a week — and last month a typo blocked a payment partner's IP instead of the attacker's.

You are the **security automation engineer** (a new role). Your first task: a small, tested command-line tool that turns an advisory's text into a clean, validated indicator list.`,
  objectives: [
    "Extract indicators from free text with regular expressions",
    "Refang, normalise, de-duplicate and validate them",
    "Produce machine-readable output and guard against blocking allow-listed assets",
  ],
  estimated_minutes: 60,
  skills: ["automation", "scripting", "ioc-extraction"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["extract", "validate"], items: ["Private and allow-listed addresses never reach the output"] },
  status: "published",
  stages: [
    {
      key: "extract",
      title: "Extract indicators",
      instructions: `Sample advisory text (\`advisory.txt\`):

\`\`\`text
ISAC-2025-118 (TLP:GREEN) Credential phishing against credit unions.
Infrastructure: login-aldgate-cu[.]test hosted on 203.0.113[.]45 and 203.0.113.46; fallback 198.51.100[.]77.
Payload SHA-256: 9f2b6c1e8d7a4b3c2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d
Observed redirect via hxxps://cdn-verify[.]test/a?id=7731.
Note: victims' traffic also hit 10.0.0.5 (internal proxy, ignore) and 203.0.113.45 again on day 2.
\`\`\`

Write \`extract_iocs.py\` that:
1. refangs (\`[.]\` → \`.\`, \`hxxp\` → \`http\`),
2. extracts IPv4 addresses, domains and SHA-256 hashes with regular expressions,
3. de-duplicates them.

**Hand in:** the number of unique **public** IPv4 addresses in the text in the answer box; your script as an attached file.`,
      required_skills: ["scripting", "ioc-extraction"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text"], description: "extract_iocs.py and its output." },
      notes_min_chars: 20,
      weight: 3,
      answer: { kind: "exact", value: "3", explanation: "203.0.113.45 (twice), 203.0.113.46 and 198.51.100.77; 10.0.0.5 is private." },
      answer_prompt: "Unique public IPv4 addresses",
      recipes: ["python-ioc-extractor", "cyberchef-decoding"],
      hints: [
        { text: "Refang before you extract, or your regex will miss `203.0.113[.]45`.", penalty: 2 },
        { text: "Drop RFC 1918 addresses by checking membership in `ipaddress.ip_network('10.0.0.0/8')`, `172.16.0.0/12` and `192.168.0.0/16`. Careful: `is_private`/`is_global` also classify the documentation ranges used in this exercise (203.0.113.0/24, 198.51.100.0/24) as non-public.", penalty: 5 },
      ],
    },
    {
      key: "validate",
      title: "Validate and protect the allow-list",
      instructions: `Before anything reaches the SIEM watchlist, the tool must refuse to output:

- RFC 1918 private and loopback addresses (use Python's \`ipaddress\` module — but note that \`is_private\` also flags the documentation ranges this training data uses, so test against the RFC 1918 networks explicitly),
- anything on \`allowlist.txt\` (partners, your own ranges — for example \`198.51.100.77\` is the card processor's failover address),
- malformed hashes (not exactly 64 hex characters).

Add unit tests (\`pytest\`) for each rule, including the card processor case.

**Hand in:** the indicator that your allow-list check removes from this advisory in the answer box; test code and \`pytest\` output as evidence.`,
      required_skills: ["automation", "scripting"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text"], description: "Tests and pytest output." },
      notes_min_chars: 20,
      weight: 3,
      answer: { kind: "exact", value: "198.51.100.77", explanation: "The card processor's failover address is allow-listed: blocking it would stop card payments." },
      answer_prompt: "Allow-listed indicator removed",
      recipes: ["python-ioc-extractor"],
      hints: [
        { text: "Load the allow-list into a set and subtract it from your results.", penalty: 2 },
        { text: "Test names should read like requirements: `test_allowlisted_ip_is_never_output`.", penalty: 5 },
      ],
    },
    {
      key: "ship",
      title: "Output for the SIEM and hand over",
      instructions: `Make the tool produce JSON lines the SIEM can ingest:

\`\`\`json
{"type":"ipv4","value":"203.0.113.45","source":"ISAC-2025-118","tlp":"GREEN","first_seen":"2025-06-10"}
\`\`\`

Then write a short README: how to run it, what it refuses to output and why, and how an analyst reviews the output before import (automation with a human check).

**Hand in:** the README in notes; sample output as evidence if you like.`,
      required_skills: ["automation", "communication"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["json", "text"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["python-ioc-extractor", "jq-json-log-triage"],
      hints: [
        { text: "`json.dumps(obj)` per line, not one big array, makes streaming ingestion easy.", penalty: 2 },
        { text: "Carry the TLP from the advisory into every record so sharing rules survive.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "extraction", stage: "extract", title: "Extraction", weight: 3, skills: ["scripting"], levels: [
      { points: 0, label: "Missing", descriptor: "No working script submitted." },
      { points: 1, label: "Partial", descriptor: "Misses defanged indicators or duplicates remain." },
      { points: 2, label: "Competent", descriptor: "Refangs, extracts all three types, de-duplicates." },
      { points: 3, label: "Strong", descriptor: "As competent, readable code with functions and a CLI interface." } ] },
    { key: "validation", stage: "validate", title: "Validation and tests", weight: 3, skills: ["automation"], levels: [
      { points: 0, label: "Missing", descriptor: "No validation submitted." },
      { points: 1, label: "Partial", descriptor: "Some checks, no tests." },
      { points: 2, label: "Competent", descriptor: "Private, allow-listed and malformed values rejected, with passing tests." },
      { points: 3, label: "Strong", descriptor: "As competent, tests cover edge cases (IPv6, uppercase hashes, trailing dots)." } ] },
    { key: "handover", stage: "ship", title: "Output and README", weight: 2, skills: ["communication"], levels: [
      { points: 0, label: "Missing", descriptor: "No output format or docs." },
      { points: 1, label: "Partial", descriptor: "Output works, README thin." },
      { points: 2, label: "Competent", descriptor: "JSON lines with source and TLP; README explains use and safeguards." },
      { points: 3, label: "Strong", descriptor: "As competent, with a clear human-review step before import." } ] },
  ],
};

export default mission;
