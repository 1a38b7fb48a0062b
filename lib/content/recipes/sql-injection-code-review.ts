import type { RecipeInput } from "../schemas";

const recipe: RecipeInput = {
  slug: "sql-injection-code-review",
  title: "Find SQL injection by reading code",
  summary: "Trace user input from the request to the query: spot string-built SQL, judge whether validation really protects it, and write the parameterised fix.",
  description: "Source review finds injection faster and more completely than blind fuzzing. This recipe teaches the source-to-sink trace for Python, Node.js, Java and PHP, how to tell real validation from cosmetic checks, and how to express the fix so developers adopt it.",
  type: "technical",
  difficulty: "intermediate",
  estimated_minutes: 30,
  skills: ["secure-code-review", "web-exploitation"],
  tools: ["grep", "semgrep", "IDE"],
  prerequisites: [],
  inputs: ["Application source code"],
  steps: [
    {
      title: "Find the sinks",
      body: "Search for query execution calls built from strings: concatenation, f-strings, `%` formatting, template literals.",
      command: "grep -rnE \"(execute|query|raw)\\(.*(\\+|%|f\\\"|\\$\\{)\" --include=*.py --include=*.js --include=*.ts --include=*.php .",
      expected_outcome: "A list of candidate sinks with file and line.",
    },
    {
      title: "Trace each sink back to a source",
      body: "For each sink, follow every variable back to where it enters: `request.args`, `req.query`, `$_GET`, headers, cookies, JSON bodies, and values read back from the database (second-order injection).",
      expected_outcome: "For each sink: the user-controlled inputs that reach it.",
    },
    {
      title: "Judge the validation",
      body: "`isdigit()`, `parseInt` with a check, an allow-list or an ORM bind parameter really constrain input. Stripping quotes, escaping by hand, or checking length do not. Note the SQL context: inside quotes, numeric, identifier (ORDER BY column) or LIKE pattern.",
      expected_outcome: "Each input marked safe or injectable, with the reason.",
    },
    {
      title: "Confirm with semgrep",
      body: "Run the community rules to catch sinks you missed.",
      command: "semgrep --config p/sql-injection --config p/python .",
      expected_outcome: "Semgrep findings reconciled with your manual list.",
    },
    {
      title: "Write the fix",
      body: "Bind parameters; never format values into SQL. For LIKE, bind the whole pattern. For identifiers (sort columns), map user input to an allow-list.",
      command: "db.execute(\"SELECT ... WHERE sailing_id = ? AND surname LIKE ?\", (int(sailing), f\"%{surname}%\"))",
      expected_outcome: "A fix that compiles and keeps the behaviour.",
    },
  ],
  validation_checks: [
    "Every user input reaching a sink is classified with a reason",
    "The fix uses bind parameters, not escaping",
    "Identifier contexts use an allow-list",
  ],
  related: ["sqli-safe-proof-of-concept", "cvss-finding-writeup", "semgrep-custom-rule"],
  links: [{ mission: "WEB-02", stage: "review", required: false, order: 0 }],
  mentor_curated: true,
  status: "published",
};

export default recipe;
