import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { dbKind, getDb } from "./index";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies drizzle/ migrations. On Postgres an advisory lock lets several instances start at once. */
export async function runMigrations() {
  const db = getDb();
  if (dbKind() === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder });
    return;
  }
  await db.execute(sql`select pg_advisory_lock(727274)`);
  try {
    await migratePostgres(db, { migrationsFolder });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(727274)`);
  }
}
