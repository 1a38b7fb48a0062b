import path from "node:path";
import postgres from "postgres";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { sql as sqlTag } from "drizzle-orm";
import { dbKind, getDb, postgresUrl } from "./index";

const migrationsFolder = path.join(process.cwd(), "drizzle");
const LOCK = 727274;

export function migrationFiles(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

/**
 * Applies drizzle/ migrations. On Postgres several instances may start at once: the whole run is one
 * transaction on one dedicated connection holding a transaction-scoped advisory lock, so the lock and
 * the statements cannot land on different pooled connections, and it works behind PgBouncer's
 * transaction pooling (session locks do not). The bookkeeping table is drizzle's own
 * (drizzle.__drizzle_migrations), so databases migrated by drizzle's migrator carry on.
 */
export async function runMigrations(url: string | undefined = postgresUrl()) {
  if (!url) {
    await migratePglite(getDb() as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder });
    return { applied: -1 };
  }
  const migrations = migrationFiles();
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "sortie-migrate" } });
  try {
    const applied = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${LOCK})`;
      await tx`create schema if not exists drizzle`;
      await tx`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`;
      // Read after taking the lock: an instance that waited sees what the first one applied.
      const [last] = await tx<{ created_at: string }[]>`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`;
      let n = 0;
      for (const m of migrations) {
        if (last && Number(last.created_at) >= m.folderMillis) continue;
        for (const stmt of m.sql) if (stmt.trim()) await tx.unsafe(stmt);
        await tx`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`;
        n += 1;
      }
      return n;
    });
    return { applied };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** True when the database has every migration of drizzle/ (what GET /api/ready reports). */
export async function migrationsApplied(): Promise<boolean> {
  const latest = migrationFiles().at(-1);
  if (!latest) return true;
  try {
    const r = await getDb().execute(sqlTag`select max(created_at) as last from drizzle.__drizzle_migrations`);
    // postgres.js answers an array of rows, PGlite an object with rows.
    const rows = (Array.isArray(r) ? r : ((r as unknown as { rows?: unknown[] }).rows ?? [])) as { last: string | number | null }[];
    const last = rows[0]?.last;
    return last != null && Number(last) >= latest.folderMillis;
  } catch (e) {
    // Before the first migration the table does not exist: not ready, not an error.
    if ((e as { code?: string }).code === "42P01") return false;
    throw e;
  }
}
