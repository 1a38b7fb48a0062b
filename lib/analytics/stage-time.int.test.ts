import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missions } from "@/lib/db/schema";
import { recordEvents } from "@/lib/telemetry/record";
import { POST as ingestPOST } from "@/app/api/v1/telemetry/events/route";
import { GET as performanceGET } from "@/app/api/v1/missions/analytics/performance/route";
import { applyChanges } from "@/lib/analytics/aggregates";
import { histogramValue } from "@/lib/analytics/items";
import { call, loadFixtures, makeUser, type TestUser } from "@/test/helpers";

// These tests read right after each write: wait for the newest answer, however slow the machine is.
process.env.SORTIE_ANALYTICS_STALE_MS = "60000";

// The stage_time rollup must equal what the raw events say, however often an event is sent.

let missionId: string;
let admin: TestUser, learner: TestUser;
// Finished attempts (one learner may have many; only one may be open per mission).
let attempts = 0;
let flood: { stage: string; attempts: number; total_ms: number }[] = [];
const allAttempts = async () => (await rows<{ id: string }>(db, sql`select id::text as id from mission_progress`)).map((x) => x.id);

async function newAttempt(user: TestUser) {
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: user.id, missionId, missionVersion: 1, attempt: ++attempts, state: "approved", path: ["triage", "contain"], submittedAt: new Date(), score: 80, passed: true })
    .returning();
  return p.id;
}

/** The rollup rows of some attempts, and the same figures computed from the raw events. */
async function rollupAndRaw(progressIds: string[]) {
  const ids = sql`${`{${progressIds.join(",")}}`}::uuid[]`;
  const rollup = await rows<{ progress_id: string; stage_key: string; visible_ms: number; visits: number }>(
    db,
    sql`select progress_id::text as progress_id, stage_key, visible_ms::float8 as visible_ms, visits from stage_time
        where progress_id = any(${ids}) order by 1, 2`,
  );
  const raw = await rows<{ progress_id: string; stage_key: string; visible_ms: number; visits: number }>(
    db,
    sql`select progress_id::text as progress_id, stage_key, sum((payload->>'visible_ms')::float8) as visible_ms, count(*)::int as visits
        from telemetry_events
        where type = 'stage.left' and jsonb_typeof(payload->'visible_ms') = 'number' and progress_id = any(${ids})
        group by 1, 2 order by 1, 2`,
  );
  const norm = (r: typeof raw) => r.map((x) => ({ progress_id: x.progress_id, stage_key: x.stage_key, visible_ms: Number(x.visible_ms), visits: Number(x.visits) }));
  return { rollup: norm(rollup), raw: norm(raw) };
}

/**
 * Time per stage as it was computed before the rollup: straight from the events (the reference), with
 * the median of each attempt's ms to 3 significant digits, the dashboards' documented precision.
 */
async function rawTimePerStage(progressIds: string[]) {
  const ids = sql`${`{${progressIds.join(",")}}`}::uuid[]`;
  const r = await rows<{ stage_key: string; attempts: number; total_ms: number; mean_ms: number; median_ms: number }>(
    db,
    sql`with vis as (
          select e.progress_id, e.stage_key, (e.payload->>'visible_ms')::float8 as ms from telemetry_events e
          where e.type = 'stage.left' and e.progress_id = any(${ids}) and jsonb_typeof(e.payload->'visible_ms') = 'number'),
        pairs as (
          select l.progress_id, l.stage_key, extract(epoch from l.occurred_at - prev.occurred_at) * 1000 as ms
          from telemetry_events l
          cross join lateral (
            select p.type, p.stage_key, p.occurred_at from telemetry_events p
            where p.progress_id = l.progress_id and p.type in ('stage.entered', 'stage.left')
              and (p.occurred_at < l.occurred_at or (p.occurred_at = l.occurred_at and p.id < l.id))
            order by p.occurred_at desc, p.id desc limit 1) prev
          where l.type = 'stage.left' and l.progress_id = any(${ids}) and jsonb_typeof(l.payload->'visible_ms') is distinct from 'number'
            and prev.type = 'stage.entered' and prev.stage_key = l.stage_key),
        per as (select progress_id, stage_key, sum(ms) as ms from (select * from vis union all select * from pairs) x group by 1, 2)
        select stage_key, count(*)::int as attempts, sum(ms) as total_ms, avg(ms) as mean_ms, percentile_cont(0.5) within group (order by ${histogramValue(sql`ms`)}) as median_ms
        from per group by 1 order by 1`,
  );
  return r.map((x) => ({ stage: x.stage_key, attempts: Number(x.attempts), total_ms: Math.round(Number(x.total_ms)), mean_ms: Math.round(Number(x.mean_ms)), median_ms: Math.round(Number(x.median_ms)) }));
}

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin");
  learner = await makeUser("learner");
  const [m] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  missionId = m.id;
});

describe("stage_time rollup", () => {
  it("counts each stage.left once under a concurrent flood of overlapping batches (timed events only)", async () => {
    const ps = [await newAttempt(learner), await newAttempt(learner), await newAttempt(learner)];
    const t0 = Date.now() - 3_600_000;
    const pool = Array.from({ length: 120 }, (_, i) => ({
      event_id: randomUUID(),
      type: "stage.left",
      progress: ps[i % 3],
      stage: i % 2 ? "triage" : "contain",
      occurred_at: new Date(t0 + i * 1000).toISOString(),
      payload: { visible_ms: 1000 + i },
    }));
    const batches = Array.from({ length: 12 }, (_, i) => Array.from({ length: 60 }, (_, j) => pool[(i * 17 + j) % pool.length]));
    const results = await Promise.all(batches.map((events) => call(ingestPOST, { token: learner.token, body: { events } })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.reduce((s, r) => s + r.json.accepted, 0)).toBe(new Set(batches.flat().map((e) => e.event_id)).size);
    const { rollup, raw } = await rollupAndRaw(ps);
    expect(rollup).toEqual(raw);
    expect(rollup.reduce((s, x) => s + x.visits, 0)).toBe(120);
    expect(rollup.reduce((s, x) => s + x.visible_ms, 0)).toBe(pool.reduce((s, e) => s + e.payload.visible_ms, 0));
    // Only timed events exist so far: time per stage comes from stage_time alone (the fast path).
    // Dashboards read the aggregates as the change consumer left them: run it, as the job does.
    await applyChanges();
    const r = await call(performanceGET, { token: admin.token, path: "/x?mission=TEST-01" });
    const got = (r.json.time_per_stage as { stage: string; attempts: number; total_ms: number; mean_ms: number; median_ms: number }[])
      .map((x) => ({ stage: x.stage, attempts: x.attempts, total_ms: x.total_ms, mean_ms: x.mean_ms, median_ms: x.median_ms }))
      .sort((x, y) => x.stage.localeCompare(y.stage));
    expect(got).toEqual(await rawTimePerStage(ps));
    expect(got.map((x) => x.attempts)).toEqual([3, 3]);
    flood = got;
  });

  it("equals the raw computation for a known sequence with duplicates (in a batch, re-sent, via recordEvents) and untimed pairs", async () => {
    const p1 = await newAttempt(learner);
    const p2 = await newAttempt(learner);
    const t0 = Date.now() - 3_600_000;
    const ev = (progress: string, type: "stage.entered" | "stage.left", stage: string, s: number, payload: Record<string, unknown> = {}) => ({
      event_id: randomUUID(), type, progress, stage, occurred_at: new Date(t0 + s * 1000).toISOString(), payload,
    });
    // p1 triage: two visits with visible_ms (20 s + 30 s) and one timestamp pair (60 s); contain: 45 s.
    const a = ev(p1, "stage.left", "triage", 100, { visible_ms: 20_000 });
    const batch1 = [ev(p1, "stage.entered", "triage", 80), a, a, a, ev(p1, "stage.entered", "triage", 200), ev(p1, "stage.left", "triage", 260)];
    const b = ev(p1, "stage.left", "triage", 400, { visible_ms: 30_000 });
    const c = ev(p1, "stage.left", "contain", 500, { visible_ms: 45_000 });
    // p2 triage: 10 s; a stray stage.left without its entered (ignored); a fractional visible_ms.
    const d = ev(p2, "stage.left", "triage", 50, { visible_ms: 10_000 });
    const f = ev(p2, "stage.left", "contain", 90, { visible_ms: 1_234.5 });
    const r1 = await call(ingestPOST, { token: learner.token, body: { events: batch1 } });
    expect(r1.json).toEqual({ accepted: 4, duplicates: 2 });
    const r2 = await call(ingestPOST, { token: learner.token, body: { events: [a, b, c, d, ev(p2, "stage.left", "contain", 70), f, f] } });
    expect(r2.json).toEqual({ accepted: 5, duplicates: 2 });
    // The client retries both batches whole: nothing new, nothing added to the rollup.
    expect((await call(ingestPOST, { token: learner.token, body: { events: batch1 } })).json).toEqual({ accepted: 0, duplicates: 6 });
    expect((await call(ingestPOST, { token: learner.token, body: { events: [a, b, c, d, f] } })).json).toEqual({ accepted: 0, duplicates: 5 });
    // Server-recorded events (same transaction as an action) feed the rollup too, once per event_id.
    const g = { eventId: randomUUID(), type: "stage.left" as const, userId: learner.id, missionId, progressId: p2, stageKey: "triage", occurredAt: new Date(t0 + 120_000), payload: { visible_ms: 5_000 } };
    await db.transaction((tx) => recordEvents(tx, [g, { ...g }]));
    await db.transaction((tx) => recordEvents(tx, [g]));

    const { rollup, raw } = await rollupAndRaw([p1, p2]);
    expect(rollup).toEqual(raw);
    const byKey = Object.fromEntries(rollup.map((x) => [`${x.progress_id === p1 ? "p1" : "p2"}/${x.stage_key}`, [x.visible_ms, x.visits]]));
    expect(byKey).toEqual({ "p1/triage": [50_000, 2], "p1/contain": [45_000, 1], "p2/triage": [15_000, 2], "p2/contain": [1_234.5, 1] });

    // Time per stage, read from the aggregates once the consumer ran, equals the computation from raw events.
    await applyChanges();
    const r = await call(performanceGET, { token: admin.token, path: "/x?mission=TEST-01" });
    expect(r.status).toBe(200);
    const got = (r.json.time_per_stage as { stage: string; attempts: number; total_ms: number; mean_ms: number; median_ms: number }[])
      .map((x) => ({ stage: x.stage, attempts: x.attempts, total_ms: x.total_ms, mean_ms: x.mean_ms, median_ms: x.median_ms }))
      .sort((x, y) => x.stage.localeCompare(y.stage));
    const expected = await rawTimePerStage(await allAttempts());
    expect(got).toEqual(expected);
    // Against the earlier test's figures: p1 triage = 20 s + 30 s visible + the 60 s pair; p2 triage = 10 s + 5 s.
    const before = Object.fromEntries(flood.map((x) => [x.stage, x]));
    expect(got.find((x) => x.stage === "triage")).toMatchObject({ attempts: before.triage.attempts + 2, total_ms: before.triage.total_ms + 110_000 + 15_000 });
    expect(got.find((x) => x.stage === "contain")).toMatchObject({ attempts: before.contain.attempts + 2, total_ms: before.contain.total_ms + Math.round(45_000 + 1_234.5) });
  });
});
