import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "cyberchef-decoding",
  title: "Recognise and decode common encodings",
  summary: "Identify base64, base64url, base32, hex, URL encoding, UTF-16LE and single-byte XOR by their alphabets, then decode layered data with CyberChef recipes or shell one-liners.",
  description: "Attackers and developers alike wrap data in encodings. Recognising them by sight and peeling layers in the right order is a core skill for phishing analysis, malware triage and app testing. This recipe pairs each encoding with its tell-tale signs and a decode command.",
  type: "technical",
  difficulty: "beginner",
  estimated_minutes: 25,
  skills: ["decoding", "scripting"],
  tools: ["CyberChef (offline copy)", "base64", "base32", "xxd", "iconv", "Python"],
  prerequisites: [],
  steps: [
    {
      title: "Recognise the alphabet",
      body: "Hex: 0–9a–f, even length. Base64: A–Z a–z 0–9 + /, often `=` padding. Base64url: `-` and `_` instead of `+` `/`, no padding. Base32: A–Z and 2–7, `=` padding to multiples of 8. URL encoding: `%XX`. PowerShell `-enc`: base64 of UTF-16LE (decodes with a null between letters).",
      expected_outcome: "A guess for each layer with the clue that supports it.",
    },
    {
      title: "Decode in the shell",
      body: "Use the right tool per layer; fix padding when needed.",
      command: "echo 'aGVsbG8=' | base64 -d\necho '68656c6c6f' | xxd -r -p\necho 'NBSWY3DP' | base32 -d\necho '<b64>' | base64 -d | iconv -f UTF-16LE -t UTF-8\npython3 -c \"import urllib.parse;print(urllib.parse.unquote('%32%37'))\"",
      expected_outcome: "Readable output, or the next layer.",
    },
    {
      title: "Chain layers in CyberChef",
      body: "Drag operations in order (e.g. From Hex → From Base64 → ROT13) and keep the recipe as evidence. *Magic* can suggest layers but verify its guesses.",
      expected_outcome: "A saved recipe that reproduces the decoding.",
      evidence_hint: "Screenshot the recipe and output.",
    },
    {
      title: "Break single-byte XOR with known plaintext",
      body: "If you can guess the first bytes (`http`, `MZ`, `{\"`), XOR them with the ciphertext to get the key, then verify on the next bytes.",
      command: "python3 -c \"b=bytes.fromhex('322e2e2a'); k=b[0]^ord('h'); print(hex(k), bytes(x^k for x in b))\"",
      expected_outcome: "The key and a plaintext that reads correctly beyond the guessed bytes.",
    },
  ],
  validation_checks: ["Each layer is named with its clue", "The final output is readable and explained", "The decoding is reproducible (recipe or script)"],
  related: ["email-header-analysis", "static-malware-triage", "jwt-attack-testing"],
  links: [{ mission: "DECODE-01", stage: "peel", required: true, order: 0 }, { mission: "PHISH-01", stage: "link", required: false, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
