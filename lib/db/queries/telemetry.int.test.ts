import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions, telemetryEvents } from "@/lib/db/schema";
import { POST } from "@/app/api/v1/telemetry/events/route";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { cohortDashboard } from "@/lib/analytics/cohort";
import { recordEvents } from "@/lib/telemetry/record";
import { recordAbandonedAttempts } from "./abandoned";

let learner: TestUser;
let other: TestUser;
let missionId: string;
let progressId: string;
let otherProgressId: string;

function ev(over: Record<string, unknown> = {}) {
  return { event_id: randomUUID(), type: "mission.viewed", occurred_at: new Date().toISOString(), mission: "TEST-01", ...over };
}
async function stored(ids?: string[]) {
  const [r] = await db
    .select({ n: count() })
    .from(telemetryEvents)
    .where(ids ? sql`${telemetryEvents.eventId} = any(${`{${ids.join(",")}}`}::uuid[])` : sql`true`);
  return r.n;
}

beforeAll(async () => {
  await loadFixtures();
  learner = await makeUser("learner");
  other = await makeUser("learner");
  const [m] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  missionId = m.id;
  const [p] = await db.insert(missionProgress).values({ userId: learner.id, missionId, missionVersion: 1, currentStage: "triage", path: ["triage"] }).returning();
  const [q] = await db.insert(missionProgress).values({ userId: other.id, missionId, missionVersion: 1, currentStage: "triage", path: ["triage"] }).returning();
  progressId = p.id;
  otherProgressId = q.id;
});

describe("POST /api/v1/telemetry/events", () => {
  it("stores a batch, resolves the mission code, and counts duplicates inside and across batches once", async () => {
    const a = ev();
    const b = ev({ type: "stage.entered", progress: progressId, stage: "triage", mission: undefined });
    const first = await call(POST, { token: learner.token, body: { events: [a, b, a, a] } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ accepted: 2, duplicates: 2 });
    const c = ev();
    const second = await call(POST, { token: learner.token, body: { events: [a, b, c] } });
    expect(second.json).toEqual({ accepted: 1, duplicates: 2 });
    expect(await stored([a.event_id, b.event_id, c.event_id])).toBe(3);
    const [row] = await db.select().from(telemetryEvents).where(eq(telemetryEvents.eventId, b.event_id));
    // The mission comes from the progress when the client leaves it out; the user is the caller.
    expect(row.missionId).toBe(missionId);
    expect(row.userId).toBe(learner.id);
    const [rowA] = await db.select().from(telemetryEvents).where(eq(telemetryEvents.eventId, a.event_id));
    expect(rowA.missionId).toBe(missionId);
  });

  it("accepts a text/plain body as navigator.sendBeacon sends it", async () => {
    const e = ev();
    const r = await call(POST, { token: learner.token, rawBody: JSON.stringify({ events: [e] }), headers: { "content-type": "text/plain;charset=UTF-8" } });
    expect(r.status).toBe(200);
    expect(r.json.accepted).toBe(1);
  });

  it("refuses events about another learner's progress with 403 and writes none of the batch", async () => {
    const mine = ev();
    const theirs = ev({ type: "stage.entered", progress: otherProgressId, stage: "triage" });
    const r = await call(POST, { token: learner.token, body: { events: [mine, theirs] } });
    expect(r.status).toBe(403);
    expect(await stored([mine.event_id, theirs.event_id])).toBe(0);
  });

  it("names each bad event by its path and writes nothing", async () => {
    const good = ev();
    const r = await call(POST, {
      token: learner.token,
      body: { events: [good, { ...ev(), event_id: "nope" }, ev({ type: "stage.left", progress: progressId }), ev({ mission: "ZZZ-99" }), ev({ type: "stage.left", progress: progressId, stage: "triage", payload: { visible_ms: -5 } })] },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(Object.keys(r.json.error.fields)).toContain("events[1].event_id");
    // Semantic checks run once the shape is valid.
    const r2 = await call(POST, {
      token: learner.token,
      body: { events: [good, ev({ type: "stage.left", progress: progressId }), ev({ mission: "ZZZ-99" }), ev({ type: "stage.left", progress: progressId, stage: "triage", payload: { visible_ms: -5 } })] },
    });
    expect(r2.status).toBe(400);
    expect(r2.json.error.fields).toMatchObject({ "events[1].stage": expect.any(String), "events[3].payload.visible_ms": expect.any(String) });
    const r3 = await call(POST, { token: learner.token, body: { events: [good, ev({ mission: "ZZZ-99" }), ev({ recipe: "no-such-recipe" })] } });
    expect(r3.status).toBe(400);
    expect(r3.json.error.fields).toEqual({ "events[1].mission": "unknown mission", "events[2].recipe": "unknown recipe" });
    expect(await stored([good.event_id])).toBe(0);
  });

  it("limits a batch to 500 events, refuses other content types and oversized bodies, and requires sign-in", async () => {
    const tooMany = await call(POST, { token: learner.token, body: { events: Array.from({ length: 501 }, () => ev()) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.fields.events).toMatch(/500/);
    const form = await call(POST, { token: learner.token, rawBody: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const huge = await call(POST, { token: learner.token, rawBody: "x".repeat(1024 * 1024 + 10), headers: { "content-type": "text/plain" } });
    expect(huge.status).toBe(413);
    const anon = await call(POST, { body: { events: [ev()] } });
    expect(anon.status).toBe(401);
    const empty = await call(POST, { token: learner.token, body: { events: [] } });
    expect(empty.status).toBe(400);
  });

  it("stores each event_id exactly once under a concurrent flood of overlapping batches", async () => {
    const pool = Array.from({ length: 300 }, () => ev({ type: "recipe.viewed", recipe: "grep-auth-logs", mission: undefined }));
    // 20 parallel batches of 100, each a different window over the same 300 events.
    const batches = Array.from({ length: 20 }, (_, i) => Array.from({ length: 100 }, (_, j) => pool[(i * 37 + j) % pool.length]));
    const before = await stored();
    const results = await Promise.all(batches.map((events) => call(POST, { token: learner.token, body: { events } })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const distinctSent = new Set(batches.flat().map((e) => e.event_id)).size;
    const accepted = results.reduce((s, r) => s + r.json.accepted, 0);
    expect(accepted).toBe(distinctSent);
    expect(results.reduce((s, r) => s + r.json.accepted + r.json.duplicates, 0)).toBe(2000);
    expect((await stored()) - before).toBe(distinctSent);
    const [dups] = await db.execute(sql`select count(*)::int as n from (select event_id from telemetry_events group by event_id having count(*) > 1) d`).then((r) => ((r as unknown as { rows?: unknown[] }).rows ?? (r as unknown as unknown[])) as { n: number }[]);
    expect(dups.n).toBe(0);
  });
});

describe("each member's last event (user_last_events, the cohort dashboard's last activity)", () => {
  const lastEvent = async (userId: string) =>
    (await db.execute(sql`select last_event_at from user_last_events where user_id = ${userId}`)) as unknown as { last_event_at: string | Date }[];
  const iso = (v: string | Date) => new Date(v).toISOString();
  const at = (iso: string) => ev({ occurred_at: iso });

  it("follows a learner's latest event, moving only when it is more than a minute newer, and shows on the cohort dashboard", async () => {
    const l = await makeUser("learner");
    const { cohort } = await makeCohort({ learners: [l] });
    const admin = await makeUser("admin");
    const member = async () => (await cohortDashboard({ caller: admin, cohort: cohort.slug })).learners.find((m) => m.id === l.id)!;
    expect(await lastEvent(l.id)).toEqual([]);
    expect((await member()).last_activity_at).toBeNull();

    // First events: the latest of the batch, whatever their order.
    await call(POST, { token: l.token, body: { events: [at("2026-03-01T10:05:00Z"), at("2026-03-01T10:00:00Z")] } });
    expect(iso((await lastEvent(l.id))[0].last_event_at)).toBe("2026-03-01T10:05:00.000Z");
    expect((await member()).last_activity_at).toBe("2026-03-01T10:05:00.000Z");
    // 30 s later: within the slack, no write. An older event never moves it back.
    await call(POST, { token: l.token, body: { events: [at("2026-03-01T10:05:30Z"), at("2026-02-01T00:00:00Z")] } });
    expect(iso((await lastEvent(l.id))[0].last_event_at)).toBe("2026-03-01T10:05:00.000Z");
    // Two minutes later: it moves.
    await call(POST, { token: l.token, body: { events: [at("2026-03-01T10:07:30Z")] } });
    expect((await member()).last_activity_at).toBe("2026-03-01T10:07:30.000Z");
  });

  it("counts server-recorded events but not the abandonment sweep's, and keeps concurrent first batches to one row", async () => {
    const l = await makeUser("learner");
    await Promise.all(Array.from({ length: 6 }, (_, i) => call(POST, { token: l.token, body: { events: [at(`2026-04-0${i + 1}T08:00:00Z`)] } })));
    expect((await lastEvent(l.id)).map((r) => iso(r.last_event_at))).toEqual(["2026-04-06T08:00:00.000Z"]);
    await db.transaction((tx) => recordEvents(tx, [{ type: "recipe.viewed", userId: l.id, occurredAt: new Date("2026-04-10T08:00:00Z") }]));
    expect(iso((await lastEvent(l.id))[0].last_event_at)).toBe("2026-04-10T08:00:00.000Z");

    // An attempt idle for 30 days: the sweep records mission.abandoned 7 days after its last activity.
    const [p] = await db
      .insert(missionProgress)
      .values({ userId: l.id, missionId, missionVersion: 1, currentStage: "triage", path: ["triage"], lastActivityAt: new Date("2026-04-11T00:00:00Z") })
      .returning();
    expect(await recordAbandonedAttempts({ days: 7, now: new Date("2026-05-11T00:00:00Z") })).toBeGreaterThanOrEqual(1);
    const [swept] = (await db.execute(sql`select occurred_at from telemetry_events where progress_id = ${p.id} and type = 'mission.abandoned'`)) as unknown as { occurred_at: string | Date }[];
    expect(iso(swept.occurred_at)).toBe("2026-04-18T00:00:00.000Z");
    expect(iso((await lastEvent(l.id))[0].last_event_at)).toBe("2026-04-10T08:00:00.000Z");
  });
});
