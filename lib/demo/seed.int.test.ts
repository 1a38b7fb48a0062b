import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { runMigrations } from "@/lib/db/migrate";
import { seedDemo } from "./seed";

async function rowCounts() {
  const tables = await rows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t.table_name}"`));
    out[t.table_name] = r.n;
  }
  return out;
}

describe("migrations and demo seed", () => {
  it("migrations apply from empty and are idempotent", async () => {
    await runMigrations();
    const tables = await rows<{ n: number }>(db, sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(tables[0].n).toBeGreaterThanOrEqual(30);
  });

  it("seeds the demo accounts and content, and a second run changes nothing", async () => {
    await seedDemo();
    const first = await rowCounts();
    expect(first.users).toBeGreaterThanOrEqual(4);
    expect(first.missions).toBeGreaterThan(0);
    expect(first.recipes).toBeGreaterThan(0);
    expect(first.foundation_modules).toBe(7);
    // The demo learner has history in several states, and an approved mission in the portfolio.
    const states = await rows<{ state: string }>(db, sql`select distinct p.state from mission_progress p join users u on u.id = p.user_id where u.email = 'learner@demo.sortie.dev'`);
    expect(states.map((s) => s.state)).toEqual(expect.arrayContaining(["approved", "submitted", "in_progress"]));
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(first.portfolio_items).toBeGreaterThanOrEqual(1);
    // The mentor has submissions waiting in the queue.
    const waiting = await rows<{ n: number }>(db, sql`select count(*)::int as n from mission_progress where state = 'submitted'`);
    expect(waiting[0].n).toBeGreaterThanOrEqual(2);
    await seedDemo();
    const second = await rowCounts();
    // rate_limits is runtime state, not seed output.
    delete first.rate_limits;
    delete second.rate_limits;
    expect(second).toEqual(first);
  }, 120_000);
});
