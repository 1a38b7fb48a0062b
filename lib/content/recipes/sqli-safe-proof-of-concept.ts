import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "sqli-safe-proof-of-concept",
  title: "Confirm and prove SQL injection without harm",
  summary: "Confirm a suspected SQL injection with quote tests and ORDER BY, then prove impact with a minimal UNION that returns metadata and your own test record — nothing more.",
  description: "A pentester must prove impact convincingly while staying inside the rules of engagement. This recipe goes from first signal to proof with the smallest possible footprint: syntax tests, column count, a metadata-only UNION, and one row that belongs to your own account.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 40,
  skills: ["web-exploitation", "reporting"],
  tools: ["Burp Suite", "curl"],
  prerequisites: ["sql-injection-code-review"],
  inputs: ["An authorised target and rules of engagement", "A test account"],
  environment: "Only against systems you have written permission to test. Read the data-handling clause before you start.",
  steps: [
    {
      title: "Quote tests",
      body: "Send a lone `'` then a doubled `''`. Error then no error means you are inside a string literal. Then try a concatenation that should rebuild a known value (`Oka'||'for` in SQLite/PostgreSQL/Oracle, `Oka' 'for` in MySQL).",
      command: "curl -s -b session.txt 'https://target.test/search?q=Oka%27%7C%7C%27for' | grep -c Okafor",
      expected_outcome: "The concatenation returns your known record: the database evaluated your input.",
    },
    {
      title: "Count columns",
      body: "Increase `ORDER BY n-- ` until it errors; the last working n is the column count.",
      expected_outcome: "The column count, confirmed by one working and one failing request.",
    },
    {
      title: "Fingerprint and list tables (metadata only)",
      body: "Use a UNION with the right column count returning version and table names. SQLite: `sqlite_version()` and `sqlite_master`; PostgreSQL: `version()` and `information_schema.tables`.",
      command: "x' UNION SELECT sqlite_version(), name, NULL, NULL, NULL FROM sqlite_master WHERE type='table'-- ",
      expected_outcome: "DBMS version and table names — proof of arbitrary read without personal data.",
      evidence_hint: "Screenshot the response; redact anything not yours.",
    },
    {
      title: "One record, your own",
      body: "Retrieve one row from the sensitive table filtered on your test account to show personal data is reachable.",
      command: "x' UNION SELECT username, email, NULL, NULL, NULL FROM customers WHERE username='pentest01'-- ",
      expected_outcome: "Your own test record in the page, nobody else's.",
    },
    {
      title: "Stop and record",
      body: "Write down every request you sent with timestamps. If you retrieved more than allowed, stop, delete it securely and disclose it to the client contact the same day.",
      expected_outcome: "A request log that the client can match to their web server logs.",
    },
  ],
  validation_checks: [
    "No personal data other than your own test account was retrieved",
    "Your evidence is redacted and timestamped",
    "The column count is demonstrated by a working and a failing request",
  ],
  related: ["sql-injection-code-review", "cvss-finding-writeup", "critical-finding-notification"],
  links: [{ mission: "WEB-02", stage: "prove-impact", required: true, order: 0 }, { module: "rules-of-engagement", required: true, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
