import type { SQL } from "drizzle-orm";
import type { Tx } from "./index";

/** Runs raw SQL and returns its rows, the same way on postgres.js (array) and PGlite ({ rows }). */
export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const r = (await tx.execute(query)) as unknown;
  if (Array.isArray(r)) return r as T[];
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}
