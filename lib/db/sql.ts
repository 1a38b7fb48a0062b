import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "./index";

/** Runs raw SQL and returns its rows, the same way on postgres.js (array) and PGlite ({ rows }). */
export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const r = (await tx.execute(query)) as unknown;
  if (Array.isArray(r)) return r as T[];
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}

// Arrays as one parameter each (the same SQL on postgres.js and PGlite).
export function sqlUuidArray(values: readonly string[]) {
  return sql`${`{${values.join(",")}}`}::uuid[]`;
}
export function sqlTextArray(values: readonly string[]) {
  return sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`}::text[]`;
}
