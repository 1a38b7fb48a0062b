import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "MAL-03",
  title: "Unpack the invoice viewer",
  track: "defender",
  tier: "advanced",
  summary: "An EDR quarantined 'InvoiceViewer.exe' on two council laptops. Triage it statically, recover its XOR-encoded C2 configuration, and write a YARA rule that finds its siblings without flagging clean software.",
  story: `**Harrow County Council** delivers social care and school transport for 300,000 residents. Yesterday its EDR quarantined \`InvoiceViewer.exe\` on two laptops in the revenues team after it tried to inject into \`explorer.exe\`. The national CERT asks councils to share YARA rules for new loaders so others can sweep their estates.

You are the council's **malware analyst** (one of two). You have the sample in an isolated analysis VM with no internet access. Your rule will be shared with 40 other councils — a rule that fires on clean software will cost them days.`,
  objectives: [
    "Triage a PE file statically and extract host indicators",
    "Recover an obfuscated configuration by known-plaintext XOR analysis",
    "Write and test a YARA rule balancing detection and false positives",
  ],
  estimated_minutes: 150,
  skills: ["malware-analysis", "decoding", "yara", "ioc-extraction"],
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["triage", "config", "yara"], items: ["Key recovered by reasoning, not guessed", "The YARA rule is tested against goodware"] },
  status: "published",
  stages: [
    {
      key: "triage",
      title: "Static triage",
      instructions: `Output from your triage tools (\`sha256sum\`, \`pefile\`-based script, \`strings -n 8\`, \`floss\`):

\`\`\`
sha256: 4f9c1e0d7a3b2c6e8f10a4b5c6d7e8f90123456789abcdef0fedcba987654321
PE32 executable (GUI) Intel 80386, for MS Windows
Compile time: 2025-05-28 03:14:55 UTC      Imphash: 9c7e1a5b2d4f6a8c0e1b3d5f7a9c2e4b
Sections:  .text  entropy 6.21   .rdata 5.02   .data 7.81 (raw 0x2600)   .rsrc 3.10
Imports:   kernel32: VirtualAllocEx, WriteProcessMemory, CreateRemoteThread, OpenProcess, CreateMutexA
           wininet:  InternetOpenA, InternetConnectA, HttpSendRequestA
Strings:
  Global\\QxR7-updater-2291
  explorer.exe
  Mozilla/5.0 (Windows NT 10.0; Win64; x64) InvoiceViewer/2.1
  SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run
  cfg_blob_v2
\`\`\`

1. Explain what the import combination indicates (which ATT&CK technique).
2. Explain the high entropy of \`.data\`.
3. List host-based indicators an IR team can sweep for (mutex, run key, user agent).

**Hand in:** the mutex name in the answer box (exactly as in the strings, single backslash); analysis in notes.`,
      required_skills: ["malware-analysis", "ioc-extraction"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "Global\\QxR7-updater-2291", explanation: "Mutexes prevent double infection and make excellent host indicators." },
      answer_prompt: "Mutex name",
      recipes: ["static-malware-triage"],
      hints: [
        { text: "OpenProcess + VirtualAllocEx + WriteProcessMemory + CreateRemoteThread is the textbook process-injection sequence (T1055).", penalty: 3 },
        { text: "Entropy near 8 means compressed or encrypted data — here, the configuration.", penalty: 6 },
      ],
    },
    {
      key: "config",
      title: "Recover the configuration",
      instructions: `Next to the marker \`cfg_blob_v2\` in \`.data\` you find these bytes:

\`\`\`
32 2e 2e 2a 29 60 75 75 2f 2a 3e 3b 2e 3f 77 39 32 3f 39 31 74 2e 3f 29 2e 75 3d 3b 2e 3f 74 2a 32 2a
\`\`\`

The loader talks HTTP (it imports wininet), so the configuration very likely starts with \`http\`.

1. Use **known plaintext**: XOR the first byte \`0x32\` with \`'h'\` (\`0x68\`) to get a candidate single-byte key, and check it against the next bytes (\`0x2e\` ⊕ key should be \`'t'\`).
2. Decode the whole blob (CyberChef *From Hex* → *XOR* with the key, or a three-line Python script).
3. Record the C2 URL (defanged) and explain how you would confirm the key is used elsewhere in the binary (search for the XOR loop in \`.text\`).

**Hand in:** the XOR key in hex in the answer box; the decoded URL and your method in notes.`,
      required_skills: ["decoding", "malware-analysis"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "image"], description: "Your decoding script or CyberChef recipe and its output." },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "regex", pattern: "^\\s*(0x)?5[aA]\\s*$", explanation: "0x32 ⊕ 0x68 = 0x5A; the blob decodes to https://update-check.test/gate.php." },
      answer_prompt: "XOR key (hex)",
      recipes: ["cyberchef-decoding", "static-malware-triage"],
      hints: [
        { text: "0x32 XOR 0x68 — do it in Python: `hex(0x32 ^ 0x68)`.", penalty: 3 },
        { text: "`bytes(b ^ 0x5a for b in bytes.fromhex(blob))`", penalty: 6 },
      ],
    },
    {
      key: "yara",
      title: "Write and test the YARA rule",
      instructions: `Write a YARA rule for this loader family. Good candidates: the mutex prefix, the XOR-encoded \`https://\` (\`32 2e 2e 2a 29 60 75 75\`), the \`cfg_blob_v2\` marker, the user-agent suffix, plus PE structure conditions.

Test it:

\`\`\`
yara -r -s loader.yar /cases/samples/        # 3 known family samples
yara -r loader.yar /corpus/goodware/          # 1,200 clean Windows binaries
\`\`\`

Your first draft (\`any of them\`) matched all 3 samples **and 14 goodware files** — every one of them because of the string \`explorer.exe\`.

1. Fix the rule: drop generic strings, require a combination (e.g. \`uint16(0) == 0x5A4D and filesize < 2MB and 2 of ($mutex, $cfg, $xor_https, $ua)\`).
2. Re-run and report hits on samples and goodware.
3. Add metadata (author, date, description, hash, TLP) fit for sharing.

**Hand in:** the final rule as a text file and your test results in notes.`,
      required_skills: ["yara", "detection-engineering"],
      evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text"], description: "The .yar rule and the test output." },
      notes_min_chars: 40,
      weight: 3,
      recipes: ["yara-rule-from-strings", "static-malware-triage"],
      hints: [
        { text: "A string every Windows program contains is not a signature.", penalty: 3 },
        { text: "Hex strings with wildcards (`{ 32 2E 2E 2A ?? 60 }`) survive small variations.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "static-triage", stage: "triage", title: "Static triage", weight: 2, skills: ["malware-analysis"], levels: [
      { points: 0, label: "Missing", descriptor: "No analysis of imports or sections." },
      { points: 1, label: "Partial", descriptor: "Indicators listed without interpretation." },
      { points: 2, label: "Competent", descriptor: "Injection identified (T1055), entropy explained, host indicators listed." },
      { points: 3, label: "Strong", descriptor: "As competent, with caveats (compile time can be forged) and sweep queries for the indicators." } ] },
    { key: "config-recovery", stage: "config", title: "Configuration recovery", weight: 2, skills: ["decoding"], levels: [
      { points: 0, label: "Missing", descriptor: "Key not found." },
      { points: 1, label: "Partial", descriptor: "Key found by brute force without reasoning." },
      { points: 2, label: "Competent", descriptor: "Known-plaintext method, correct key and URL, defanged." },
      { points: 3, label: "Strong", descriptor: "As competent, with a reusable script and a plan to locate the XOR routine." } ] },
    { key: "yara-quality", stage: "yara", title: "YARA rule", weight: 3, skills: ["yara"], levels: [
      { points: 0, label: "Missing", descriptor: "No rule or rule does not compile." },
      { points: 1, label: "Partial", descriptor: "Matches samples but has goodware hits." },
      { points: 2, label: "Competent", descriptor: "3/3 samples, 0 goodware, sensible conditions." },
      { points: 3, label: "Strong", descriptor: "As competent, with sharing metadata and resilience to minor variants." } ] },
  ],
};

export default mission;
