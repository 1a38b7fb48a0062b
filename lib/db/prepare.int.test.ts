import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missions } from "@/lib/db/schema";

// Statements go to Postgres as prepared statements (lib/db/index.ts: one round trip each and a reusable
// plan), in and out of transactions and savepoints.
describe("prepared statements", () => {
  const preparedLike = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], text: string) =>
    rows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${text}%`}`).then((r) => r[0].n);

  it("prepares the query builder's and raw statements on the connection that runs them", async () => {
    await db.transaction(async (tx) => {
      await tx.select({ id: missions.id }).from(missions).where(eq(missions.code, "PREPARED-CHECK"));
      await tx.execute(sql`select 'prepared-raw-check' as marker where ${1} = 1`);
      expect(await preparedLike(tx, `"missions"."code" = $1`)).toBeGreaterThan(0);
      expect(await preparedLike(tx, "prepared-raw-check")).toBeGreaterThan(0);
      await tx.transaction(async (sp) => {
        await sp.execute(sql`select 'prepared-savepoint-check' as marker where ${2} = 2`);
        expect(await preparedLike(sp, "prepared-savepoint-check")).toBeGreaterThan(0);
      });
    });
  });

  it("plans a prepared statement for its values every time, never with one generic plan (skewed scopes)", async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) await tx.execute(sql`select 'plan-mode-check' as marker from missions where code = ${`X-${i % 2}`}`);
      const [p] = await rows<{ generic: number; custom: number }>(
        tx,
        sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like '%plan-mode-check%' and statement not like '%pg_prepared_statements%'`,
      );
      expect(p).toEqual({ generic: 0, custom: 8 });
    });
  });
});
