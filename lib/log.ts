// The one way server code logs a failure. An error from the database carries the statement and
// its parameters (drizzle: "Failed query: … params: …"; Postgres: `invalid input syntax for type
// uuid: "<value>"`, a unique violation's detail), and those are password hashes, emails, token
// hashes, notes and reflections. So a database error is logged by its SQLSTATE code and the names
// Postgres gives (constraint, table, column), never its message; any other error by its name, its
// message and where it was thrown. Always with the operation that failed.

type PgLike = { code?: unknown; constraint_name?: unknown; constraint?: unknown; table_name?: unknown; table?: unknown; column_name?: unknown; column?: unknown; routine?: unknown };

const SQLSTATE = /^[0-9A-Z]{5}$/;

function databaseError(e: unknown): PgLike | null {
  for (let x = e, i = 0; x && typeof x === "object" && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as PgLike).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return x as PgLike;
  }
  // drizzle's wrapper without a coded cause still carries the statement in its message.
  if (e instanceof Error && /^Failed query:/.test(e.message)) return {};
  return null;
}

/** A one-line description of an error that is safe to write to a log. */
export function describeError(e: unknown): string {
  const db = databaseError(e);
  if (db) {
    const parts = [`database error ${typeof db.code === "string" ? db.code : "(no code)"}`];
    const named = { constraint: db.constraint_name ?? db.constraint, table: db.table_name ?? db.table, column: db.column_name ?? db.column, routine: db.routine };
    for (const [k, v] of Object.entries(named)) if (typeof v === "string" && v) parts.push(`${k}=${v}`);
    return parts.join(" ");
  }
  if (e instanceof Error) {
    const c = (e as { code?: unknown }).code;
    const code = typeof c === "string" ? ` [${c}]` : "";
    const where = (e.stack ?? "").split("\n").slice(1, 4).map((l) => l.trim()).join(" < ");
    return `${e.name}${code}: ${e.message.slice(0, 300)}${where ? ` at ${where}` : ""}`;
  }
  return `non-error thrown (${typeof e})`;
}

/** Logs that `operation` failed, with nothing of the request's values. */
export function logFailure(operation: string, e: unknown) {
  console.error(`[sortie] ${operation} failed: ${describeError(e)}`);
}
