import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { migrationFiles, migrationsApplied, runMigrations } from "./migrate";

describe("migrations", () => {
  it("the test database reports every migration applied (what GET /api/ready checks)", async () => {
    expect(await migrationsApplied()).toBe(true);
  });
});

// On real Postgres: several instances (or deploy pipelines) migrating one empty database at once.
if (process.env.SORTIE_TEST_BASE_URL) {
  describe("migrations on Postgres", () => {
    it("four concurrent runs apply each migration exactly once, under one transaction-scoped lock", async () => {
      const base = process.env.SORTIE_TEST_BASE_URL!;
      const name = `sortie_mig_${randomBytes(4).toString("hex")}`;
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
      try {
        const results = await Promise.all([1, 2, 3, 4].map(() => runMigrations(url)));
        // One run applied everything; the others waited on the lock and found nothing left to do.
        expect(results.map((r) => r.applied).sort((a, b) => b - a)).toEqual([migrationFiles().length, 0, 0, 0]);
        const db = postgres(url, { max: 1, onnotice: () => {} });
        const rows = await db`select hash from drizzle.__drizzle_migrations`;
        // No session-level advisory lock is left behind (it was transaction-scoped).
        const [{ n: locks }] = await db`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`;
        await db.end();
        expect(rows).toHaveLength(migrationFiles().length);
        expect(locks).toBe(0);
        expect((await runMigrations(url)).applied).toBe(0);
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  });
}
