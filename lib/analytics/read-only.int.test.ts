import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { decisionsMade, hintsUnlocked, missionProgress, missions, stageCompletions, toolsUsed } from "@/lib/db/schema";
import { rows } from "@/lib/db/sql";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import type { AnalyticsFilter } from "@/lib/api/contracts/analytics";
import { applyChanges } from "./aggregates";
import { resolveScope, usesRollup } from "./filters";
import { missionPerformance } from "./performance";
import { heatmap } from "./heatmap";
import { cohortDashboard } from "./cohort";

// These tests read right after each write: wait for the newest answer, however slow the machine is.
process.env.SORTIE_ANALYTICS_STALE_MS = "60000";

// Dashboard reads never write and never wait: they run inside a READ ONLY transaction (what a
// streaming replica allows, DATABASE_REPLICA_URL), while the change consumer holds its lock and has
// changes waiting, and they state up to when writes are counted.

const DAY = 86_400_000;
let admin: TestUser, mentor: TestUser, viewer: TestUser, learner: TestUser;
let cohortSlug: string;
let missionId: string;

async function attempt(user: TestUser, startedDaysAgo: number) {
  const startedAt = new Date(Date.now() - startedDaysAgo * DAY);
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: user.id, missionId, missionVersion: 1, attempt: 1, state: "approved", path: ["triage", "contain"], startedAt, submittedAt: new Date(startedAt.getTime() + 3_600_000), score: 75, passed: true })
    .returning();
  await db.insert(stageCompletions).values({ progressId: p.id, stageKey: "triage" });
  await db.insert(decisionsMade).values({ progressId: p.id, decisionKey: "respond", choiceKey: "block" });
  await db.insert(hintsUnlocked).values({ progressId: p.id, stageKey: "triage", level: 1, penalty: 2 });
  await db.insert(toolsUsed).values({ progressId: p.id, stageKey: "triage", tool: "grep" });
  return p.id;
}

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  admin = await makeUser("admin");
  mentor = await makeUser("mentor");
  learner = await makeUser("learner");
  const { org, cohort } = await makeCohort({ learners: [learner], mentor });
  cohortSlug = cohort.slug;
  viewer = await makeUser("enterprise", { organisationId: org.id });
  await attempt(learner, 10);
  await applyChanges();
  // A write the consumer has not applied yet.
  await attempt(await makeUser("learner"), 2);
});

/** Runs `fn` in a READ ONLY transaction: any write inside it (a temporary table too) fails. */
function readOnly<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (t) => {
    await t.execute(sql`set transaction read only`);
    return fn(t);
  });
}

const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
const FILTERS: AnalyticsFilter[] = [
  {},
  { mission: "TEST-01" },
  { track: "defender" },
  { from: "2000-01-01", to: yesterday },
  { from: `${yesterday}T06:30:00Z` },
];

describe("dashboard reads", () => {
  it("run inside a READ ONLY transaction, for every source, while the consumer holds its lock", async () => {
    // A consumer run in progress: its lock and the version row it updates are held until released.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const consumer = db.transaction(async (t) => {
      await t.execute(sql`select pg_advisory_xact_lock(727276)`);
      await t.execute(sql`update analytics_generation set generation = generation where id = 1`);
      locked();
      await held;
    });
    await lockTaken;
    try {
      const answers = await readOnly(async (t) => {
        const out: { source: string; attempts: number; asOf: string }[] = [];
        for (const caller of [admin, mentor, viewer]) {
          for (const filter of caller === admin ? [...FILTERS, { cohort: cohortSlug }] : [{}, { from: "2000-01-01", to: yesterday }]) {
            const s = await resolveScope({ caller, filter, abandonDays: 7, tx: t });
            const p = await missionPerformance(s, t);
            const h = await heatmap(s, t);
            expect(h.as_of).toBe(p.as_of);
            out.push({ source: usesRollup(s) ? "aggregates" : "live", attempts: p.kpis.attempts, asOf: p.as_of });
          }
        }
        const c = await cohortDashboard({ caller: viewer, cohort: cohortSlug, tx: t });
        expect(c.attempts).toBe(1);
        return out;
      });
      // Both kinds of source were read; the unapplied write is not counted yet, and as_of says so: it is
      // no later than that write.
      expect(new Set(answers.map((a) => a.source))).toEqual(new Set(["aggregates", "live"]));
      expect(answers[0].attempts).toBe(1);
      const [pending] = await rows<{ at: string | Date }>(db, sql`select min(logged_at) as at from analytics_changes`);
      expect(Date.parse(answers[0].asOf)).toBeLessThanOrEqual(new Date(pending.at).getTime());
    } finally {
      release();
      await consumer;
    }
    // Once the consumer has run, the write shows up and as_of is the time of the read.
    await applyChanges();
    const before = Date.now();
    const after = await readOnly(async (t) => missionPerformance(await resolveScope({ caller: admin, filter: {}, abandonDays: 7, tx: t }), t));
    expect(after.kpis.attempts).toBe(2);
    expect(Date.parse(after.as_of)).toBeGreaterThanOrEqual(before - 1000);
  });
});
