import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "jwt-attack-testing",
  title: "Test JSON Web Token handling",
  summary: "Decode JWTs, check algorithm handling (none, HS/RS confusion), crack weak HMAC secrets offline with hashcat mode 16500, and test whether the server trusts claims it should verify itself.",
  description: "JWTs move authorisation decisions into a token the client holds. This recipe tests the common failures — weak secrets, algorithm confusion, missing expiry checks and over-trusted claims — within the limits of your test accounts.",
  type: "technical",
  difficulty: "advanced",
  estimated_minutes: 45,
  skills: ["web-exploitation", "password-attacks", "decoding"],
  tools: ["CyberChef", "hashcat", "Python PyJWT", "Burp Suite"],
  prerequisites: ["cyberchef-decoding"],
  steps: [
    {
      title: "Decode",
      body: "A JWT is header.payload.signature, each base64url. Read `alg`, `kid`, and every claim that drives authorisation (role, tenant, scope) plus `exp`.",
      command: "cut -d. -f2 <<< \"$JWT\" | tr '_-' '/+' | base64 -d 2>/dev/null; echo",
      expected_outcome: "Header and payload as JSON; authorisation claims listed.",
    },
    {
      title: "Try algorithm tricks",
      body: "Send the token with `alg: none` and an empty signature; for RS256 tokens, try HS256 signed with the public key. A secure server rejects both.",
      expected_outcome: "Rejection (good) or acceptance (critical finding).",
    },
    {
      title: "Crack a weak HMAC secret",
      body: "HS256 tokens can be attacked offline with one token.",
      command: "hashcat -m 16500 -a 0 token.jwt wordlist.txt -r rules/best64.rule",
      expected_outcome: "Secret cracked or wordlist exhausted.",
    },
    {
      title: "Verify and forge in scope",
      body: "Re-sign the original payload to verify the secret, then change one claim to another test account or tenant you own.",
      command: "python3 -c \"import jwt; print(jwt.encode({'sub':'cust-48213','role':'customer','tenant':'test-tenant-b','exp':1767225600}, 'harbour2019', algorithm='HS256'))\"",
      expected_outcome: "A forged token accepted or rejected by the API, tested only against your own tenants.",
    },
    {
      title: "Recommend",
      body: "Strong random keys from a secrets manager or asymmetric algorithms with `kid` rotation; an explicit algorithm allow-list; short expiry; authorisation from server-side data, not client claims alone.",
      expected_outcome: "Layered remediation in the finding.",
    },
  ],
  validation_checks: ["Forgery tested only against in-scope test tenants", "The secret was verified by re-signing", "Remediation separates key strength from claim trust"],
  related: ["cyberchef-decoding", "kerberoasting-hashcat", "cvss-finding-writeup"],
  links: [{ mission: "API-03", stage: "crack", required: true, order: 0 }],
  mentor_curated: false,
  status: "published",
};

export default recipe;
