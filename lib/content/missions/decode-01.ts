import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "DECODE-01",
  title: "Secrets in the smart-lock app",
  track: "offensive",
  tier: "beginner",
  summary: "An authorised test of a smart-lock app turns up a config file full of encoded values. Recognise each encoding, peel back a three-layer secret, and write the hard-coded credential finding.",
  story: `**Dorlock** sells app-controlled door locks to 30,000 landlords. Before a retail launch, Dorlock hired your firm to test the Android app and its API. You are a **junior application security tester**; the statement of work authorises static analysis of the APK and testing of \`api.dorlock-iot.test\` with your own test accounts.

Unpacking the APK with \`apktool d dorlock.apk\`, you find \`res/raw/config.json\`. Developers often "hide" secrets by encoding them — encoding is not encryption, and anyone who downloads the app from the store can do what you are about to do.`,
  objectives: [
    "Recognise base64, hex, URL encoding and ROT13 by sight",
    "Decode a multi-layer value in the right order",
    "Report hard-coded secrets with impact and a fix",
  ],
  estimated_minutes: 40,
  skills: ["decoding", "secure-code-review", "reporting"],
  reflection_required: true,
  success_criteria: { min_score: 60, required_stages: ["identify", "peel"], items: ["Each encoding identified with the clue that gives it away"] },
  status: "published",
  stages: [
    {
      key: "identify",
      title: "Identify the encodings",
      instructions: `\`res/raw/config.json\`:

\`\`\`json
{
  "api_base": "aHR0cHM6Ly9hcGkuZG9ybG9jay1pb3QudGVzdC92Mg==",
  "support_pin": "%32%37%31%38%33%39",
  "debug_secret": "5a6d6c7758334679623268304f6c6c69634867685a3156325a6930794d444931",
  "analytics_enabled": true
}
\`\`\`

1. For each of the three strings, name the encoding and the clue (alphabet, length, padding, \`%\` signs).
2. Decode \`api_base\` and \`support_pin\`.

**Hand in:** the decoded \`api_base\` URL in the answer box; encodings, clues and the PIN in notes.`,
      required_skills: ["decoding"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 30,
      weight: 2,
      answer: { kind: "exact", value: "https://api.dorlock-iot.test/v2", explanation: "Base64 (A–Z, a–z, 0–9, +, /, padded with ==)." },
      answer_prompt: "Decoded api_base",
      recipes: ["cyberchef-decoding"],
      hints: [
        { text: "`==` at the end is base64 padding; `%32` is URL encoding for the character '2'.", penalty: 2 },
        { text: "`echo aHR0cHM6Ly9hcGkuZG9ybG9jay1pb3QudGVzdC92Mg== | base64 -d`", penalty: 5 },
      ],
    },
    {
      key: "peel",
      title: "Peel the debug secret",
      instructions: `\`debug_secret\` has three layers. Only hex digits (0–9, a–f) and an even length: start there.

1. Decode hex → you get text in a new alphabet; identify it and decode again.
2. The result looks like readable text whose letters are shifted by 13 — apply ROT13.
3. Record each intermediate value.

In CyberChef: *From Hex* → *From Base64* → *ROT13*. In a shell:

\`\`\`
echo 5a6d6c77... | xxd -r -p | base64 -d | tr 'A-Za-z' 'N-ZA-Mn-za-m'
\`\`\`

**Hand in:** the final plaintext in the answer box; every intermediate value in notes and a screenshot or text export as evidence.`,
      required_skills: ["decoding"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "image"], description: "CyberChef recipe screenshot or shell output." },
      notes_min_chars: 30,
      weight: 3,
      answer: { kind: "exact", value: "svc_debug:Lock!tHis-2025", explanation: "hex → ZmlwX3Fyb2h0OllicHghZ1V2Zi0yMDI1 (base64) → fip_qroht:Ybpx!gUvf-2025 (ROT13) → svc_debug:Lock!tHis-2025." },
      answer_prompt: "Final plaintext",
      recipes: ["cyberchef-decoding"],
      hints: [
        { text: "After hex you should see `ZmlwX3Fyb2h0...` — that is base64.", penalty: 2 },
        { text: "ROT13 leaves digits and punctuation alone; only letters rotate.", penalty: 5 },
        { text: "The plaintext is a username:password pair beginning with svc_debug.", penalty: 10 },
      ],
    },
    {
      key: "finding",
      title: "Write the finding",
      instructions: `You have a username and password shipped inside every copy of the app. Do **not** use it against the API yet — the statement of work requires you to ask Dorlock before testing any credential you did not receive from them.

Write the finding:
- **Title**: Hard-coded debug credentials in Android app
- **Evidence**: file path, the encoded value, the decoding chain
- **Impact**: who can obtain it (anyone with the APK) and what it might allow (to be confirmed with Dorlock)
- **Remediation**: remove the credential, rotate it server-side, never ship secrets in clients, use per-user tokens; add secret scanning to the build
- **Next step**: the email asking Dorlock for permission to test the credential

**Hand in:** the finding and the email in notes.`,
      required_skills: ["reporting", "secure-code-review"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 2,
      recipes: ["cvss-finding-writeup", "ci-secret-scanning"],
      hints: [
        { text: "Rotation on the server is the fix that matters: the old APK stays on phones forever.", penalty: 2 },
        { text: "Impact you have not verified must be written as 'may allow', with a plan to confirm.", penalty: 5 },
      ],
    },
  ],
  rubric: [
    { key: "encoding-recognition", stage: "identify", title: "Recognising encodings", weight: 2, skills: ["decoding"], levels: [
      { points: 0, label: "Missing", descriptor: "Encodings not identified." },
      { points: 1, label: "Partial", descriptor: "Decoded by trial and error without naming clues." },
      { points: 2, label: "Competent", descriptor: "All three encodings named with their clues; values decoded." },
      { points: 3, label: "Strong", descriptor: "As competent, and explains why encoding gives no protection." } ] },
    { key: "layered-decoding", stage: "peel", title: "Layered decoding", weight: 3, skills: ["decoding"], levels: [
      { points: 0, label: "Missing", descriptor: "Final value wrong or missing." },
      { points: 1, label: "Partial", descriptor: "Stopped after one or two layers." },
      { points: 2, label: "Competent", descriptor: "All three layers, intermediates recorded, correct plaintext." },
      { points: 3, label: "Strong", descriptor: "As competent, with a reusable CyberChef recipe or script." } ] },
    { key: "secret-finding", stage: "finding", title: "Finding and restraint", weight: 2, skills: ["reporting"], levels: [
      { points: 0, label: "Missing", descriptor: "No finding, or the credential was used without permission." },
      { points: 1, label: "Partial", descriptor: "Finding written but remediation is only 'encrypt it'." },
      { points: 2, label: "Competent", descriptor: "Evidence, hedged impact, rotation and removal, permission email." },
      { points: 3, label: "Strong", descriptor: "As competent, plus prevention in the build pipeline." } ] },
  ],
};

export default mission;
