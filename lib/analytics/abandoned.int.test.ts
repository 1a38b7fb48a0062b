import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions } from "@/lib/db/schema";
import { rows } from "@/lib/db/sql";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { applyChanges, aggregatesVersion } from "./aggregates";
import { resolveScope, rollupScope, type Scope } from "./filters";
import { withSource } from "./source";
import { abandonedAttempts, type IdleStage } from "./abandoned";

// Abandoned attempts depend on the clock. On a rolled-up source they are read from the aggregates'
// `open` items up to the cutoff's UTC day and counted live on that day (abandoned.ts): whatever the
// time of day and however the days fall, that must equal counting every open attempt live.

// Reads right after a write: wait for the newest answer, however slow the machine is.
process.env.SORTIE_ANALYTICS_STALE_MS = "60000";

const DAY = 86_400_000;
const IDLE_DAYS = 7;
const STAGES = ["triage", "contain", "detect"];
let missionId: string;
let admin: TestUser, enterprise: TestUser;
let cohort: { id: string; slug: string; organisationId: string };
const t0 = Date.now();

/** Open attempts per (mission code, stage) idle at `now`, counted straight from the attempts: the oracle. */
async function expected(s: Scope, now: Date): Promise<IdleStage[]> {
  const cutoff = new Date(now.getTime() - IDLE_DAYS * DAY).toISOString();
  const inCohort = s.cohortId ? sql`and p.user_id in (select user_id from cohort_members where cohort_id = ${s.cohortId})` : sql``;
  const inOrg = s.caller.role === "enterprise" ? sql`and p.user_id in (select cm.user_id from cohort_members cm join cohorts c on c.id = cm.cohort_id where c.organisation_id = ${cohort.organisationId})` : sql``;
  const from = s.from ? sql`and p.started_at >= ${s.from.toISOString()}` : sql``;
  const r = await rows<{ mission: string; stage: string | null; title: string | null; n: number }>(
    db,
    sql`select m.code as mission, p.current_stage as stage, st.title, count(*)::int as n from mission_progress p join missions m on m.id = p.mission_id
        left join mission_stages st on st.mission_id = p.mission_id and st.key = p.current_stage
        where p.state in ('in_progress', 'changes_requested') and p.last_activity_at < ${cutoff}::timestamptz ${inCohort} ${inOrg} ${from}
        group by 1, 2, 3`,
  );
  return r
    .map((x) => ({ mission: x.mission, stage: x.stage, stage_title: x.title ?? x.stage, abandoned: Number(x.n) }))
    .sort((a, b) => b.abandoned - a.abandoned || a.mission.localeCompare(b.mission) || (a.stage ?? "\uffff").localeCompare(b.stage ?? "\uffff"));
}

const read = (s: Scope, now: Date) => withSource(s, ["open"], (src, tx) => abandonedAttempts(src, tx, now), db);

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  admin = await makeUser("admin");
  const learners = await Promise.all(Array.from({ length: 36 }, () => makeUser("learner")));
  const made = await makeCohort({ learners: learners.slice(0, 20) });
  cohort = { id: made.cohort.id, slug: made.cohort.slug, organisationId: made.org.id };
  enterprise = await makeUser("enterprise", { organisationId: cohort.organisationId });
  // 36 attempts (one open attempt per learner and mission) whose last activity is spread over 20 days at odd times of day, some of them closed.
  for (let i = 0; i < 36; i++) {
    const lastActivity = new Date(t0 - ((i * 7.31) % 20) * DAY - ((i * 7919) % 3600) * 1000);
    await db.insert(missionProgress).values({
      userId: learners[i].id,
      missionId,
      missionVersion: 1,
      attempt: 1,
      state: i % 5 === 4 ? "approved" : i % 7 === 3 ? "changes_requested" : "in_progress",
      path: STAGES.slice(0, (i % 3) + 1),
      currentStage: i % 11 === 10 ? null : STAGES[i % 3],
      startedAt: new Date(t0 - (22 + (i % 4)) * DAY),
      submittedAt: i % 5 === 4 ? new Date(t0 - 21 * DAY) : null,
      lastActivityAt: lastActivity,
    });
  }
  await applyChanges();
});

describe("abandoned attempts from the aggregates", () => {
  it("equal counting every open attempt live, at any time of any day, in every rolled-up scope", async () => {
    const scopes = {
      everyone: await resolveScope({ caller: admin, filter: {}, abandonDays: IDLE_DAYS }),
      mission: await resolveScope({ caller: admin, filter: { mission: "TEST-01" }, abandonDays: IDLE_DAYS }),
      cohort: await resolveScope({ caller: admin, filter: { cohort: cohort.slug }, abandonDays: IDLE_DAYS }),
      organisation: await resolveScope({ caller: enterprise, filter: {}, abandonDays: IDLE_DAYS }),
      // Whole days that do not hold every attempt: summed from the daily buckets.
      days: await resolveScope({ caller: admin, filter: { from: new Date(t0 - 23 * DAY).toISOString().slice(0, 10) }, abandonDays: IDLE_DAYS }),
    };
    for (const s of Object.values(scopes)) expect(rollupScope(s)).not.toBeNull();
    expect(rollupScope(scopes.days)?.fromDay).toBeDefined();
    const version = await aggregatesVersion();
    let idleSomewhere = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(scopes) as (keyof typeof scopes)[])), fc.integer({ min: 0, max: 22 * 24 * 60 }), async (name, minutes) => {
        // The clock moves on by up to 22 days (no write): attempts go idle one by one.
        const now = new Date(t0 + minutes * 60_000);
        const want = await expected(scopes[name], now);
        expect(await read(scopes[name], now)).toEqual(want);
        idleSomewhere += want.length;
      }),
      { numRuns: 60 },
    );
    expect(idleSomewhere).toBeGreaterThan(0);
    // Nothing was written: the days before the cutoff's came from the kept aggregates throughout.
    expect(await aggregatesVersion()).toBe(version);
  });

  it("no longer counts an idle attempt once its learner acts again, and counts it at its new stage when it goes idle again", async () => {
    const s = await resolveScope({ caller: admin, filter: {}, abandonDays: IDLE_DAYS });
    const [idle] = await rows<{ id: string }>(
      db,
      sql`select id::text from mission_progress where state = 'in_progress' and current_stage = 'triage' and last_activity_at < now() - interval '8 days' limit 1`,
    );
    const now = new Date();
    const before = await read(s, now);
    const count = (list: IdleStage[], stage: string) => list.find((x) => x.stage === stage)?.abandoned ?? 0;
    await db.update(missionProgress).set({ lastActivityAt: now, currentStage: "contain" }).where(eq(missionProgress.id, idle.id));
    await applyChanges();
    const after = await read(s, now);
    expect(count(after, "triage")).toBe(count(before, "triage") - 1);
    expect(after).toEqual(await expected(s, now));
    const later = new Date(now.getTime() + (IDLE_DAYS + 1) * DAY);
    expect(count(await read(s, later), "contain")).toBe(count(await expected(s, later), "contain"));
    expect(count(await read(s, later), "contain")).toBeGreaterThan(count(after, "contain"));
  });
});
