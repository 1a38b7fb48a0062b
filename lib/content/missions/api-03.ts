import type { MissionInput } from "../schemas";

const mission: MissionInput = {
  code: "API-03",
  title: "A token signed with a guessable secret",
  track: "offensive",
  tier: "advanced",
  summary: "A freight-tracking API uses HS256 JWTs. Decode a token, crack its weak signing secret offline, prove that a forged token crosses tenant boundaries, and recommend a robust token design.",
  story: `**Quayside Freight** lets 1,200 shipping customers track containers through \`api.quayside-freight.test\`. Each customer (tenant) should only ever see its own shipments: the shipments include customs values and consignee details that competitors would love to see.

You are the **API security tester** on a two-week engagement with two test tenants (\`harbour-freight\` and \`test-tenant-b\`) provided by Quayside. Cracking secrets offline is in scope; accessing real customer tenants is not — prove cross-tenant access between your two test tenants only.`,
  objectives: [
    "Decode and analyse a JWT",
    "Crack a weak HMAC secret offline and explain the impact",
    "Prove cross-tenant access within scope and recommend fixes",
  ],
  estimated_minutes: 120,
  skills: ["web-exploitation", "password-attacks", "decoding", "reporting"],
  time_constraint_hours: 96,
  reflection_required: true,
  success_criteria: { min_score: 65, required_stages: ["decode", "crack", "forge"], items: ["Forgery proven only against the second test tenant"] },
  status: "published",
  stages: [
    {
      key: "decode",
      title: "Decode the token",
      instructions: `After logging in as your test user you receive:

\`\`\`
eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdXN0LTQ4MjEzIiwicm9sZSI6ImN1c3RvbWVyIiwidGVuYW50IjoiaGFyYm91ci1mcmVpZ2h0IiwiZXhwIjoxNzY3MjI1NjAwfQ.TDbgjFmj2EPpFSoIvFTDCJ4HYn2hsiyAi-gne6TPn-I
\`\`\`

1. Split on the dots and base64url-decode the header and payload (CyberChef *JWT Decode*, or \`cut -d. -f2 | base64 -d\` after fixing padding).
2. Identify the algorithm and which claim decides **which tenant's data** you see.
3. Convert \`exp\` to a UTC date and comment on the lifetime.

**Hand in:** the name of the tenant claim in the answer box; decoded header and payload in notes.`,
      required_skills: ["decoding", "web-exploitation"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "tenant", explanation: "Payload: {\"sub\":\"cust-48213\",\"role\":\"customer\",\"tenant\":\"harbour-freight\",\"exp\":1767225600} — expiry 2026-01-01 00:00 UTC, a very long lifetime." },
      answer_prompt: "Claim that selects the tenant",
      recipes: ["jwt-attack-testing", "cyberchef-decoding"],
      hints: [
        { text: "base64url uses - and _ instead of + and /, and drops padding.", penalty: 3 },
        { text: "`date -u -d @1767225600`", penalty: 6 },
      ],
    },
    {
      key: "crack",
      title: "Crack the signing secret",
      instructions: `HS256 signs with a shared secret. If the secret is weak, anyone can sign their own tokens.

\`\`\`
hashcat -m 16500 -a 0 token.jwt wordlists/company-words.txt -r rules/best64.rule
\`\`\`

hashcat reports \`Status: Cracked\` after 38 seconds with the secret \`harbour2019\`.

1. Explain why an HMAC secret can be attacked offline with a single token.
2. Verify the secret: re-sign the original header and payload and compare signatures (Python \`hmac\` or \`jwt.encode\`).
3. Record how you stored the secret (encrypted engagement vault) and when you will destroy it.

**Hand in:** the hashcat mode for JWT in the answer box; verification code and output in notes.`,
      required_skills: ["password-attacks", "scripting"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "image"], description: "hashcat status and your verification script output." },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "16500", explanation: "hashcat mode 16500 is JWT (JSON Web Token)." },
      answer_prompt: "hashcat mode",
      recipes: ["jwt-attack-testing", "kerberoasting-hashcat"],
      hints: [
        { text: "The token contains the message and its HMAC; guessing the key is checkable offline.", penalty: 3 },
        { text: "`python3 -c \"import jwt; print(jwt.encode(payload, 'harbour2019', algorithm='HS256'))\"`", penalty: 6 },
      ],
    },
    {
      key: "forge",
      title: "Forge within scope",
      instructions: `Forge a token with \`"tenant":"test-tenant-b"\` (your second test tenant — **not** any real customer) and request \`GET /v2/shipments?limit=1\`.

The API returns shipment \`QF-TB-0001\`, which belongs to test-tenant-b although your user belongs to harbour-freight.

1. Record the request and response (redacted).
2. Explain the business impact for real tenants without testing them.
3. Recommend fixes: a random 256-bit secret from a secrets manager or, better, RS256/EdDSA with key rotation (\`kid\`); derive tenant from the server-side user record, not the token alone; short \`exp\` (15 minutes) with refresh tokens; reject \`alg: none\` and algorithm switches.

**Hand in:** the finding as an attached file.`,
      required_skills: ["web-exploitation", "reporting"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The finding with redacted evidence." },
      notes_min_chars: 40,
      weight: 3,
      recipes: ["jwt-attack-testing", "cvss-finding-writeup"],
      hints: [
        { text: "Change only the tenant claim; keep sub and role so the test shows a single control failing.", penalty: 3 },
        { text: "Signing correctly is not authorising correctly: the server should check the user belongs to the tenant.", penalty: 6 },
      ],
    },
  ],
  rubric: [
    { key: "token-analysis", stage: "decode", title: "Token analysis", weight: 2, skills: ["decoding"], levels: [
      { points: 0, label: "Missing", descriptor: "Not decoded, or decoded incorrectly." },
      { points: 1, label: "Partial", descriptor: "Decoded, but the tenant claim or lifetime not analysed." },
      { points: 2, label: "Competent", descriptor: "Header/payload decoded, tenant claim and long expiry identified." },
      { points: 3, label: "Strong", descriptor: "As competent, with early hypotheses about trust in client-supplied claims." } ] },
    { key: "secret-cracking", stage: "crack", title: "Secret cracking", weight: 2, skills: ["password-attacks"], levels: [
      { points: 0, label: "Missing", descriptor: "No crack or verification." },
      { points: 1, label: "Partial", descriptor: "Cracked, not verified." },
      { points: 2, label: "Competent", descriptor: "Correct mode, secret verified by re-signing, handling recorded." },
      { points: 3, label: "Strong", descriptor: "As competent, explains offline attack economics for HS256." } ] },
    { key: "forgery-finding", stage: "forge", title: "Forgery and finding", weight: 3, skills: ["web-exploitation", "reporting"], levels: [
      { points: 0, label: "Missing", descriptor: "No proof, or real tenants accessed." },
      { points: 1, label: "Partial", descriptor: "Proof without a clear remediation." },
      { points: 2, label: "Competent", descriptor: "In-scope proof, impact, layered remediation." },
      { points: 3, label: "Strong", descriptor: "As competent, and separates the two root causes (weak key, trust in claim)." } ] },
  ],
};

export default mission;
