import type { MissionInput } from "../schemas";

// Flagship, offensive / intermediate: code review → confirm → [minimal PoC → notify?] | [over-collection → disclosure] → report.
const mission: MissionInput = {
  code: "WEB-02",
  title: "The booking search that trusts its input",
  track: "offensive",
  tier: "intermediate",
  summary:
    "Grey-box web test of Harbourline Ferries' booking portal: find the SQL injection in the source, confirm it safely, prove impact within the rules of engagement and write a finding the developers can fix.",
  story: `**Harbourline Ferries** sells 1.3 million crossings a year through its booking portal \`book.harbourline-ferries.test\`. You are a **penetration tester** at a consultancy, two days into a grey-box test. The client gave you the source of the search module and two test customer accounts (\`pentest01\`, \`pentest02\`).

The signed **rules of engagement** say:

> Production is in scope. Do not extract personal data beyond **one record belonging to your own test accounts**. Do not modify or delete data. Report any finding rated High or Critical to the client's security contact (Priya Raman) **within 24 hours** by phone and encrypted email.

The summer timetable goes on sale on Monday. If the portal leaks customer data, the launch — and the company's standing with the data protection regulator — goes with it.`,
  objectives: [
    "Find the injectable parameter by reading the source, not by fuzzing blindly",
    "Confirm the injection with a minimal, non-destructive technique",
    "Prove impact while staying inside the rules of engagement",
    "Write a finding with a CVSS 3.1 vector, evidence and a concrete fix",
  ],
  estimated_minutes: 120,
  skills: ["secure-code-review", "web-exploitation", "reporting", "communication"],
  time_constraint_hours: 72,
  auto_submit_on_deadline: false,
  reflection_required: true,
  reflection_prompt: "Where was the line between proving impact and causing harm in this test, and how did you decide where you stood?",
  success_criteria: {
    min_score: 65,
    required_stages: ["review", "confirm", "report"],
    items: ["The injectable parameter is identified from the code", "No personal data beyond the rules of engagement is collected", "The fix uses parameterised queries"],
  },
  status: "published",
  stages: [
    {
      key: "review",
      title: "Read the search handler",
      instructions: `This is the search handler from \`portal/bookings.py\` (Flask, SQLite via the \`sqlite3\` module):

\`\`\`python
import sqlite3
from flask import Blueprint, abort, render_template, request
from .auth import login_required

bp = Blueprint("bookings", __name__)
db = sqlite3.connect("/srv/portal/bookings.db", check_same_thread=False)

@bp.route("/bookings/search")
@login_required
def search_bookings():
    surname = request.args.get("surname", "")
    sailing = request.args.get("sailing", "")
    if not sailing.isdigit():
        abort(400)
    sql = (
        "SELECT ref, surname, sailing_id, seats, total_eur FROM bookings "
        "WHERE sailing_id = " + sailing + " AND surname LIKE '%" + surname + "%'"
    )
    rows = db.execute(sql).fetchall()
    return render_template("results.html", rows=rows)
\`\`\`

1. Trace both request parameters from \`request.args\` to the SQL string.
2. Decide which one is exploitable and why the other is not (look at the validation).
3. Note the authentication requirement — it matters for the CVSS score later.

**Hand in:** the name of the injectable parameter in the answer box; in your notes, one sentence per parameter explaining why it is or is not injectable.`,
      required_skills: ["secure-code-review"],
      evidence: { required: false, min_files: 0, max_files: 2, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "exact",
        value: "surname",
        explanation: "`sailing` is forced to digits by `isdigit()`; `surname` is concatenated inside a quoted LIKE pattern with no escaping.",
      },
      answer_prompt: "Injectable parameter",
      recipes: ["sql-injection-code-review"],
      hints: [
        { text: "One parameter is validated before it reaches the query. What does `str.isdigit()` allow?", penalty: 2 },
        { text: "A value inside `'%...%'` can close the quote with a single `'`.", penalty: 5 },
        { text: "The injectable parameter is `surname`.", penalty: 10 },
      ],
    },
    {
      key: "confirm",
      title: "Confirm the injection safely",
      instructions: `Logged in as \`pentest01\`, you send these requests through Burp Repeater (URL-decoded for readability):

\`\`\`http
GET /bookings/search?sailing=118&surname=Okafor'  HTTP/1.1        -> 500 Internal Server Error
GET /bookings/search?sailing=118&surname=Okafor''  HTTP/1.1       -> 200 OK (0 rows)
GET /bookings/search?sailing=118&surname=Oka'||'for HTTP/1.1      -> 200 OK (1 row: HF-7Q2K9, Okafor, 118, 2, 96.00)
GET /bookings/search?sailing=118&surname=x' ORDER BY 3-- HTTP/1.1 -> 200 OK (0 rows)
GET /bookings/search?sailing=118&surname=x' ORDER BY 5-- HTTP/1.1 -> 200 OK (0 rows)
GET /bookings/search?sailing=118&surname=x' ORDER BY 6-- HTTP/1.1 -> 500 Internal Server Error
\`\`\`

The 500 response for the last request includes a debug trace:

\`\`\`
sqlite3.OperationalError: 1st ORDER BY term out of range - should be between 1 and 5
\`\`\`

(\`Okafor\` is the surname on your own test booking.)

1. Explain what the \`'\` / \`''\` pair proves, and why \`Oka'||'for\` returning your booking is the strongest of the three signals.
2. Explain what the ORDER BY sequence proves, and how many columns the query returns.
3. Note the second finding hiding here (verbose errors in production).

**Hand in:** the number of columns in the answer box; your reasoning in notes.`,
      required_skills: ["web-exploitation"],
      evidence: { required: false, min_files: 0, max_files: 3, kinds: ["text", "image"] },
      notes_min_chars: 40,
      weight: 2,
      answer: { kind: "exact", value: "5", explanation: "ORDER BY 5 succeeds, ORDER BY 6 fails with 'should be between 1 and 5'." },
      answer_prompt: "Number of columns returned by the query",
      recipes: ["sqli-safe-proof-of-concept", "sql-injection-code-review"],
      hints: [
        { text: "A lone quote breaks the SQL; a doubled quote is an escaped quote and restores it. `||` is SQLite string concatenation: the database, not the app, rebuilt the word Okafor.", penalty: 2 },
        { text: "ORDER BY n fails once n exceeds the number of selected columns.", penalty: 5 },
      ],
    },
    {
      key: "prove-impact",
      title: "Prove impact within the rules",
      instructions: `Prove the injection gives read access to the database **without** touching other customers' personal data.

1. Build a \`UNION SELECT\` with five columns that returns metadata only, for example the SQLite version and the table names:
   \`\`\`sql
   x' UNION SELECT sqlite_version(), name, NULL, NULL, NULL FROM sqlite_master WHERE type='table'--
   \`\`\`
2. Then retrieve **one** row that belongs to your own test account (\`pentest01\`) from the \`customers\` table to show personal data is reachable.
3. Screenshot both responses; redact anything that is not yours.

**Hand in:** the payload you used in the answer box; one screenshot or text export as evidence; notes listing the tables you saw and why you stopped where you did.`,
      required_skills: ["web-exploitation", "reporting"],
      evidence: {
        required: true,
        min_files: 1,
        max_files: 4,
        kinds: ["image", "text", "pdf"],
        description: "Screenshot or saved response showing the UNION output (redacted).",
      },
      notes_min_chars: 40,
      weight: 2,
      answer: {
        kind: "regex",
        pattern: "[Uu][Nn][Ii][Oo][Nn]\\s+([Aa][Ll][Ll]\\s+)?[Ss][Ee][Ll][Ee][Cc][Tt]",
        explanation: "Any UNION SELECT with five columns works in this context.",
      },
      answer_prompt: "Your UNION payload",
      recipes: ["sqli-safe-proof-of-concept"],
      hints: [
        { text: "The UNION needs exactly as many columns as the original query: five.", penalty: 2 },
        { text: "Filter the customers query with `WHERE username='pentest01'` so only your own record comes back.", penalty: 5 },
      ],
    },
    {
      key: "notify",
      title: "Out-of-band notification",
      instructions: `The rules of engagement require High and Critical findings to be reported to Priya Raman within 24 hours.

Write the **encrypted email** (and the three-sentence phone script) that:

- names the affected URL and parameter,
- states the impact in business terms (read access to the booking database, including customer records),
- says what you did and did **not** do (one record of your own test account, no modification),
- recommends an immediate mitigation (e.g. a WAF rule or disabling the search) until the code fix ships,
- gives your availability for a call.

**Hand in:** the email and phone script in your notes.`,
      required_skills: ["communication", "reporting"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["critical-finding-notification", "cvss-finding-writeup"],
      hints: [
        { text: "Do not put a working payload in the email body; reference the full report instead.", penalty: 2 },
        { text: "Business impact first, technical detail second.", penalty: 5 },
      ],
      next: "report",
    },
    {
      key: "disclose",
      title: "You collected too much: disclose it",
      instructions: `Your \`UNION SELECT * FROM customers\` returned **2,314 customer records** — names, emails, phone numbers and loyalty numbers. That breaches the rules of engagement, and you now hold personal data you were not authorised to take.

1. Stop testing this endpoint.
2. Securely delete the collected data from Burp's project file and any exports, and record how (e.g. deleted the project, \`shred -u\` on exports).
3. Write the **disclosure to Priya Raman** and your engagement manager: what happened, what data, where it was stored, how it was destroyed, and what you will do differently.

**Hand in:** the disclosure text and your deletion record in notes.`,
      required_skills: ["communication", "reporting"],
      evidence: { required: false, min_files: 0, max_files: 1, kinds: ["text", "pdf"] },
      notes_min_chars: 40,
      weight: 1,
      recipes: ["critical-finding-notification"],
      hints: [
        { text: "The client may have to treat this as a personal data breach: give them facts they can use (counts, fields, timestamps, storage).", penalty: 2 },
        { text: "Own the mistake plainly; do not minimise it.", penalty: 5 },
      ],
    },
    {
      key: "report",
      title: "Write the finding",
      instructions: `Write the finding for the final report using this structure:

| Field | Content |
|---|---|
| Title | e.g. *SQL injection in booking search (surname parameter)* |
| Severity | CVSS 3.1 vector and base score |
| Affected | URL, parameter, code location |
| Description | What the flaw is, in two or three sentences |
| Evidence | Requests/responses (redacted), the code lines |
| Impact | What an attacker with a free customer account can do |
| Remediation | The code fix (parameterised query) plus defence in depth |

Score it with CVSS 3.1. Remember: the endpoint requires a login, but anyone can register a customer account. \`sqlite3\` refuses stacked queries, so writes through this bug are limited.

Show the fix:
\`\`\`python
sql = ("SELECT ref, surname, sailing_id, seats, total_eur FROM bookings "
       "WHERE sailing_id = ? AND surname LIKE ?")
rows = db.execute(sql, (int(sailing), f"%{surname}%")).fetchall()
\`\`\`

**Hand in:** the CVSS vector in the answer box and the full finding as an attached file (text, markdown or PDF).`,
      required_skills: ["reporting", "secure-code-review"],
      evidence: { required: true, min_files: 1, max_files: 2, kinds: ["text", "pdf"], description: "The finding write-up." },
      notes_min_chars: 20,
      weight: 3,
      answer: {
        kind: "regex",
        pattern: "^\\s*(CVSS:3\\.1/)?AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:[NLH]/A:[NLH]\\s*$",
        explanation: "Network, low complexity, low privileges (a self-registered account), no interaction, unchanged scope, high confidentiality. Integrity/availability impact is debatable; C:H/I:L/A:N gives 7.1.",
      },
      answer_prompt: "CVSS 3.1 vector",
      recipes: ["cvss-finding-writeup", "sql-injection-code-review"],
      hints: [
        { text: "PR is not N: the route has `@login_required`. But registration is open, so it is L, not H.", penalty: 2 },
        { text: "Start from `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/...` and argue I and A.", penalty: 5 },
      ],
      next: "end",
    },
  ],
  decisions: [
    {
      key: "how-far",
      after_stage: "confirm",
      prompt: "The injection is confirmed and you know the column count. How far do you go to prove impact?",
      choices: [
        {
          id: "minimal-poc",
          label: "Metadata plus one record of my own test account",
          consequence: "You prove read access to the whole database with a screenshot the client can show their board — and nothing you are not allowed to hold.",
          next_stage: "prove-impact",
          score_delta: 10,
          ideal: true,
          rationale: "The rules of engagement cap data collection at one record of your own accounts. Metadata plus that record proves the impact fully.",
        },
        {
          id: "dump-customers",
          label: "Dump the customers table to show the real scale",
          consequence: "The response scrolls for a long time. You now hold 2,314 customers' personal data in your Burp project.",
          next_stage: "disclose",
          score_delta: -15,
        },
        {
          id: "report-now",
          label: "Stop here and write it up",
          consequence: "The finding is real, but the client's developers push back: 'an error message is not a breach'. Your report has to argue impact without proof.",
          next_stage: "report",
          score_delta: -5,
        },
      ],
    },
    {
      key: "when-to-tell",
      after_stage: "prove-impact",
      prompt: "You have proof of read access to customer data in production. When does the client hear about it?",
      choices: [
        {
          id: "notify-now",
          label: "Call and email Priya Raman today",
          consequence: "Priya has the search disabled behind a feature flag within the hour and thanks you for the clear email.",
          next_stage: "notify",
          score_delta: 5,
          ideal: true,
          rationale: "The rules of engagement require it within 24 hours, and a production SQL injection exposing customer data needs mitigation before the final report.",
        },
        {
          id: "wait-for-report",
          label: "Keep testing and include it in the final report on Friday",
          consequence: "The finding sits in your notes for four days while the portal stays exposed, and the contract's 24-hour clause is breached.",
          next_stage: "report",
          score_delta: -10,
        },
      ],
    },
  ],
  rubric: [
    {
      key: "code-review",
      stage: "review",
      title: "Source review",
      weight: 2,
      skills: ["secure-code-review"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Wrong parameter or no reasoning." },
        { points: 1, label: "Partial", descriptor: "Correct parameter, but the reason `sailing` is safe is not explained." },
        { points: 2, label: "Competent", descriptor: "Both parameters traced, the quote context of the LIKE pattern explained." },
        { points: 3, label: "Strong", descriptor: "As competent, plus secondary observations (auth required, shared connection, no escaping of % and _)." },
      ],
    },
    {
      key: "confirmation",
      stage: "confirm",
      title: "Safe confirmation",
      weight: 2,
      skills: ["web-exploitation"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Column count wrong or technique misunderstood." },
        { points: 1, label: "Partial", descriptor: "Column count right but the quote-pair test is not explained." },
        { points: 2, label: "Competent", descriptor: "Both tests explained correctly, column count 5." },
        { points: 3, label: "Strong", descriptor: "As competent, and the verbose error is raised as a separate low finding." },
      ],
    },
    {
      key: "impact-proof",
      stage: "prove-impact",
      title: "Proof of impact",
      weight: 2,
      skills: ["web-exploitation"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No working payload submitted." },
        { points: 1, label: "Partial", descriptor: "Working UNION but evidence unredacted or not attached." },
        { points: 2, label: "Competent", descriptor: "Metadata and one own record retrieved, evidence redacted." },
        { points: 3, label: "Strong", descriptor: "As competent, and the notes justify exactly where testing stopped with reference to the rules of engagement." },
      ],
    },
    {
      key: "notification",
      stage: "notify",
      title: "Critical finding notification",
      weight: 1,
      skills: ["communication"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No notification submitted." },
        { points: 1, label: "Partial", descriptor: "Notification sent but vague or contains a working payload." },
        { points: 2, label: "Competent", descriptor: "Clear business impact, scope of what was done, a mitigation." },
        { points: 3, label: "Strong", descriptor: "As competent, short enough to read on a phone, with a concrete interim mitigation and call availability." },
      ],
    },
    {
      key: "disclosure",
      stage: "disclose",
      title: "Disclosure of over-collection",
      weight: 1,
      skills: ["communication"],
      levels: [
        { points: 0, label: "Missing", descriptor: "Over-collection not disclosed." },
        { points: 1, label: "Partial", descriptor: "Disclosed but without counts, fields or deletion record." },
        { points: 2, label: "Competent", descriptor: "Facts, storage and secure deletion recorded." },
        { points: 3, label: "Strong", descriptor: "As competent, with an honest account and a change to personal practice." },
      ],
    },
    {
      key: "finding",
      stage: "report",
      title: "Finding write-up",
      weight: 3,
      skills: ["reporting"],
      levels: [
        { points: 0, label: "Missing", descriptor: "No finding or no remediation." },
        { points: 1, label: "Partial", descriptor: "Description and fix but CVSS wrong (e.g. PR:N) or evidence missing." },
        { points: 2, label: "Competent", descriptor: "All fields, defensible CVSS, parameterised fix shown." },
        { points: 3, label: "Strong", descriptor: "As competent, plus defence in depth (least-privilege DB user, error handling, WAF as stopgap) and a retest step." },
      ],
    },
  ],
};

export default mission;
