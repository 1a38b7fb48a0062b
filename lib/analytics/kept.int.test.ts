import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { decisionsMade, hintsUnlocked, missionProgress, missions, stageCompletions, toolsUsed } from "@/lib/db/schema";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { MARKED_THROUGH, keptFigures } from "./kept";
import { AGGREGATE_TABLES, applyChanges, rebuildAggregates } from "./aggregates";
import { resolveScope } from "./filters";
import type { AnalyticsFilter } from "@/lib/api/contracts/analytics";
import { withSource, type Source } from "./source";
import { ALL_KINDS, ITEM_READS } from "./items";

// A kept figure follows writes only while a write to any table it reads appends to analytics_changes. Each figure names those tables (kept.ts); this checks the names against what
// Postgres sees it read, and each named table against the triggers of the migrated database.

const DAY = 86_400_000;
/** Bookkeeping of the aggregates (the change log and the versions), read around every kept figure. */
const BOOKKEEPING = ["analytics_changes", "analytics_generation", "analytics_scope_versions"];

let admin: TestUser, viewer: TestUser;
let missionId: string, cohortId: string;

beforeAll(async () => {
  // Every module of lib/analytics, so that every kept figure is declared before the tests list them.
  const dir = path.dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(dir)) if (f.endsWith(".ts") && !f.endsWith(".test.ts")) await import(path.join(dir, f));

  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  admin = await makeUser("admin");
  const learner = await makeUser("learner");
  const { org, cohort } = await makeCohort({ learners: [learner] });
  cohortId = cohort.id;
  viewer = await makeUser("enterprise", { organisationId: org.id });
  // One submitted attempt with every kind of child row, so every item query has rows to join.
  const startedAt = new Date(Date.now() - 20 * DAY);
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: learner.id, missionId, missionVersion: 1, state: "approved", path: ["triage", "contain"], startedAt, submittedAt: new Date(startedAt.getTime() + 3_600_000), score: 80, passed: true })
    .returning();
  await db.insert(stageCompletions).values({ progressId: p.id, stageKey: "triage" });
  await db.insert(decisionsMade).values({ progressId: p.id, decisionKey: "respond", choiceKey: "block" });
  await db.insert(hintsUnlocked).values({ progressId: p.id, stageKey: "triage", level: 1, penalty: 2 });
  await db.insert(toolsUsed).values({ progressId: p.id, stageKey: "triage", tool: "grep" });
});

/**
 * The permanent tables `run` reads: every statement that names a table takes an ACCESS SHARE lock on
 * it, held until the transaction ends (a foreign key check of a write takes ROW SHARE, not counted).
 */
async function tablesRead(run: (tx: Tx) => Promise<unknown>): Promise<string[]> {
  return db.transaction(async (t) => {
    await run(t);
    const r = await rows<{ name: string }>(
      t,
      // A partition (telemetry_events_y2026m05) counts as its partitioned table (telemetry_events).
      sql`select distinct coalesce((select p.relname from pg_inherits i join pg_class p on p.oid = i.inhparent where i.inhrelid = c.oid and p.relkind = 'p'), c.relname) as name
          from pg_locks l join pg_class c on c.oid = l.relation
          where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.mode = 'AccessShareLock' and c.relkind in ('r', 'p')
            and c.relpersistence = 'p' and c.relnamespace = 'public'::regnamespace`,
    );
    return r.map((x) => x.name).sort();
  });
}

/** A rolled-up source for a request, brought up to date (only a live source is bound to a transaction). */
async function rolled(caller: TestUser, filter: AnalyticsFilter): Promise<Source> {
  const s = await resolveScope({ caller, filter, abandonDays: 7 });
  const src = await withSource(s, ALL_KINDS, async (x) => x);
  expect(src.kind).toBe("rolled");
  return src;
}

/**
 * How to compute each kept figure, on inputs that reach every table it can read. A new kept figure
 * fails "every kept figure is computed here" until it has an entry.
 */
async function samples(): Promise<Record<string, unknown[]>> {
  const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const sources = [
    await rolled(admin, {}),
    await rolled(admin, { mission: "TEST-01" }),
    await rolled(admin, { cohort: cohortId, mission: "TEST-01" }),
    await rolled(viewer, { mission: "TEST-01" }),
    await rolled(admin, { mission: "TEST-01", from: "2000-01-01", to: yesterday }),
  ];
  const day = Math.floor(Date.now() / DAY) - 7;
  return { performance: sources, heatmap: sources, cohort: [cohortId], "abandoned-before-day": sources.map((src) => ({ ...src, beforeDay: day })) };
}

describe("kept figures", () => {
  it("every kept figure is computed here", async () => {
    const names = keptFigures().map((f) => f.name);
    expect(new Set(names).size, "two kept figures share a name, and so their memo keys").toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(await samples()).sort());
  });

  it("read no table they do not declare", async () => {
    const inputs = await samples();
    const undeclared: string[] = [];
    for (const figure of keptFigures()) {
      for (const input of inputs[figure.name] ?? []) {
        const read = await tablesRead((t) => figure.compute(input as never, t));
        for (const table of read) if (!figure.reads.includes(table) && !BOOKKEEPING.includes(table)) undeclared.push(`${figure.name}: ${table}`);
      }
    }
    expect([...new Set(undeclared)], "add these tables to the figure's `reads` (kept.ts explains why)").toEqual([]);
  });

  it("and neither does computing the aggregates they read", async () => {
    const declared: readonly string[] = [...ITEM_READS, ...AGGREGATE_TABLES, ...BOOKKEEPING];
    const since = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
    const range = await resolveScope({ caller: admin, filter: { from: since, to: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10) }, abandonDays: 7 });
    const read = await tablesRead(async (t) => {
      await rebuildAggregates(t);
      // The consumer, after a write to every kind of row (and a learner's cohort move).
      await t.execute(sql`insert into analytics_changes (progress_id, user_id, mission_id) select id, user_id, mission_id from mission_progress`);
      await applyChanges(t);
      await withSource(range, ALL_KINDS, async (src) => expect(src.kind).toBe("rolled"), t);
    });
    expect(read.filter((table) => !declared.includes(table)), "add these tables to ITEM_READS (items.ts)").toEqual([]);
  });

  it("have a trigger logging to analytics_changes on every table they read", async () => {
    const marking = new Set(
      (
        await rows<{ name: string }>(
          db,
          sql`select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc f on f.oid = t.tgfoid
              where not t.tgisinternal and t.tgenabled <> 'D' and f.prosrc like '%analytics_changes%'`,
        )
      ).map((x) => x.name),
    );
    const marks = (table: string) => marking.has(table) || (table in MARKED_THROUGH && marking.has(MARKED_THROUGH[table]));
    const unmarked: string[] = [];
    for (const { name, reads } of [...keptFigures(), { name: "aggregates", reads: ITEM_READS }]) {
      for (const table of reads) if (!(AGGREGATE_TABLES as readonly string[]).includes(table) && !marks(table)) unmarked.push(`${name}: ${table}`);
    }
    expect(unmarked, "a write to these tables would leave a kept figure stale: add a trigger in a migration (see drizzle/0008_incremental_aggregates.sql)").toEqual([]);
  });
});
