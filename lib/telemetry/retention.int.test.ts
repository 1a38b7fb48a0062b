import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, dbKind } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missions } from "@/lib/db/schema";
import { insertEvents, type IngestRow } from "@/lib/db/queries/telemetry";
import { attemptEvents } from "@/lib/db/queries/attempts";
import { stageTimesMs } from "@/lib/db/queries/stage-time";
import { recipeUsage } from "@/lib/db/queries/recipe-analytics";
import { ensureTelemetryPartitions, partitionMonth, partitionRowCounts, telemetryPartitions, trimPartition } from "@/lib/db/queries/telemetry-partitions";
import { nudgeAnalytics } from "@/lib/analytics/learning";
import { cohortDashboard } from "@/lib/analytics/cohort";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { ingestEvents } from "./ingest";
import { runRetention } from "./retention";

// Retention (SORTIE_EVENTS_RETENTION_DAYS): month partitions older than the window are dropped, or
// trimmed to the rows a figure still reads (RAW_EVENT_READERS); the figures read the same after.

const NOW = new Date("2026-12-07T12:00:00Z");
const DAYS = 90; // cutoff 2026-09-08: May and June 2026 are past it, November is not
const MAY = (d: number, h = 10) => new Date(Date.UTC(2026, 4, d, h));
const JUNE = (d: number) => new Date(Date.UTC(2026, 5, d, 10));
const NOV = (d: number) => new Date(Date.UTC(2026, 10, d, 10));

let admin: TestUser;
let mentor: TestUser;
let missionId: string;
let recipeId: string;
let cohortSlug: string;
const L: Record<string, { user: TestUser; progressId: string }> = {};

async function attempt(user: TestUser, state: "approved" | "in_progress" | "failed") {
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: user.id, missionId, missionVersion: 1, state, path: ["triage"], startedAt: MAY(1), lastActivityAt: MAY(2) })
    .returning({ id: missionProgress.id });
  return p.id;
}

function ev(user: TestUser, type: string, at: Date, extra: Partial<IngestRow> = {}): IngestRow {
  return { eventId: randomUUID(), type, userId: user.id, occurredAt: at, missionId: null, progressId: null, stageKey: null, recipeId: null, payload: {}, ...extra };
}

const ids = (list: IngestRow[]) => list.map((e) => e.eventId);
const stored = async (eventIds: string[]) =>
  (await rows<{ event_id: string }>(db, sql`select event_id::text from telemetry_events where event_id = any(${`{${eventIds.join(",")}}`}::uuid[])`)).map((r) => r.event_id).sort();
const idsKept = async (eventIds: string[]) =>
  (await rows<{ event_id: string }>(db, sql`select event_id::text from telemetry_event_ids where event_id = any(${`{${eventIds.join(",")}}`}::uuid[])`)).map((r) => r.event_id).sort();

async function figures() {
  const scope = { caller: admin, abandonDays: 7, missionId };
  const dash = await cohortDashboard({ caller: admin, cohort: cohortSlug, now: NOW });
  return {
    usage: (await recipeUsage()).map((r) => ({ slug: r.slug, views: r.views, viewers: r.viewers, time: r.timeSpentMs })),
    nudges: await nudgeAnalytics(scope),
    untimedStageMs: await stageTimesMs({ progressId: L.untimed.progressId }),
    openTimeline: (await attemptEvents({ progressId: L.open.progressId, userId: L.open.user.id, from: MAY(1, 0), to: NOW })).map((e) => e.event_id),
    lastActivity: JSON.stringify(dash).match(/"last_activity[^,]*/g),
  };
}

const old: Record<string, IngestRow[]> = {};
let recent: IngestRow[] = [];
let ancient: IngestRow[] = [];

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin");
  mentor = await makeUser("mentor");
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  [{ id: recipeId }] = await rows<{ id: string }>(db, sql`select id::text as id from recipes order by slug limit 1`);
  for (const k of ["closed", "open", "untimed", "quiet"]) {
    const user = await makeUser("learner");
    L[k] = { user, progressId: await attempt(user, k === "open" ? "in_progress" : "approved") };
  }
  cohortSlug = (await makeCohort({ learners: Object.values(L).map((l) => l.user), mentor })).cohort.slug;
  const at = (k: string) => ({ missionId, progressId: L[k].progressId, stageKey: "triage" });

  // May 2026 (past the window): a closed attempt's ordinary events go; what a figure reads stays.
  old.dropped = [
    ev(L.closed.user, "mission.started", MAY(3), at("closed")),
    ev(L.closed.user, "stage.entered", MAY(3, 11), at("closed")),
    ev(L.closed.user, "stage.left", MAY(3, 12), { ...at("closed"), payload: { visible_ms: 60_000 } }),
    ev(L.untimed.user, "mission.started", MAY(4), at("untimed")),
    ev(L.quiet.user, "mission.started", MAY(5, 9), at("quiet")),
    // The quiet learner's last activity: the cohort dashboard reads it from user_last_events, not from here.
    ev(L.quiet.user, "mission.submitted", MAY(10), at("quiet")),
  ];
  old.kept = [
    ev(L.open.user, "stage.entered", MAY(6), at("open")), // an open attempt: its timeline
    ev(L.untimed.user, "stage.entered", MAY(7, 10), at("untimed")), // untimed pair: paired at read time
    ev(L.untimed.user, "stage.left", MAY(7, 11), at("untimed")),
    ev(L.closed.user, "nudge.shown", MAY(8), at("closed")), // nudge lift
    ev(L.closed.user, "recipe.viewed", MAY(9), { recipeId, payload: { duration_ms: 5000 } }), // recipe usage
  ];
  // June 2026: nothing anyone reads, so the month goes whole.
  old.june = [ev(L.closed.user, "mission.viewed", JUNE(2)), ev(L.untimed.user, "mission.viewed", JUNE(3))];
  // Inside the window: everything stays.
  recent = [ev(L.closed.user, "mission.viewed", NOV(2)), ev(L.untimed.user, "tool.used", NOV(3)), ev(L.open.user, "stage.left", NOV(4), { ...at("open"), payload: { visible_ms: 1000 } })];
  // A month that never had a partition (default partition): an ordinary event goes, a recipe view stays.
  ancient = [ev(L.closed.user, "mission.viewed", new Date("1999-03-01T00:00:00Z")), ev(L.closed.user, "recipe.viewed", new Date("1999-03-02T00:00:00Z"), { recipeId })];

  // May's events arrive before May has a partition: they wait in the default partition until it is made.
  await insertEvents({ events: [...old.dropped, ...old.kept] });
  expect((await partitionRowCounts()).telemetry_events_default).toBe(11);
  expect(await ensureTelemetryPartitions({ from: MAY(1), to: NOV(1) })).toContain("telemetry_events_y2026m05");
  await insertEvents({ events: [...old.june, ...recent, ...ancient] });
});

describe("retention", () => {
  it("makes month partitions on demand and ahead, moving waiting rows out of the default partition", async () => {
    const counts = await partitionRowCounts();
    expect(counts.telemetry_events_y2026m05).toBe(11);
    expect(counts.telemetry_events_y2026m06).toBe(2);
    expect(counts.telemetry_events_default).toBe(2); // only 1999
    const r = await runRetention({ now: NOW, days: undefined });
    expect(r.partitions).toEqual([]);
    expect(r.policy).toMatch(/kept forever/);
    const months = (await telemetryPartitions()).map((p) => p.name);
    for (const m of ["telemetry_events_y2026m12", "telemetry_events_y2027m01", "telemetry_events_y2027m02"]) expect(months).toContain(m);
  });

  it("drops what no figure reads, keeps what one does, and the figures read the same", async () => {
    const before = await figures();
    const r = await runRetention({ now: NOW, days: DAYS });
    expect(r.cutoff).toBe("2026-09-08T12:00:00.000Z");
    expect(r.partitions).toEqual(
      expect.arrayContaining([
        { partition: "telemetry_events_y2026m05", kept: 5, dropped: 6, action: "trimmed" },
        { partition: "telemetry_events_y2026m06", kept: 0, dropped: 2, action: "dropped" },
      ]),
    );
    expect(r.default_partition_deleted).toBe(1);

    expect(await stored(ids(old.dropped))).toEqual([]);
    expect(await stored(ids(old.june))).toEqual([]);
    expect(await stored(ids(old.kept))).toEqual(ids(old.kept).sort());
    expect(await stored(ids(recent))).toEqual(ids(recent).sort());
    expect(await stored(ids(ancient))).toEqual([ancient[1].eventId]);
    // The ids of dropped events go with them; kept events stay deduplicated.
    expect(await idsKept([...ids(old.dropped), ...ids(old.june), ancient[0].eventId])).toEqual([]);
    expect(await idsKept(ids(old.kept))).toEqual(ids(old.kept).sort());
    expect((await telemetryPartitions()).map((p) => p.name)).not.toContain("telemetry_events_y2026m06");

    expect(await figures()).toEqual(before);
    expect(before.untimedStageMs.triage).toBe(3_600_000);
    expect(before.lastActivity).toContain(`"last_activity_at":"${MAY(10).toISOString()}"`);
    expect(before.openTimeline).toContain(old.kept[0].eventId);

    // A second run finds nothing to do.
    const again = await runRetention({ now: NOW, days: DAYS });
    expect(again.partitions).toEqual([]);
    expect(again.default_partition_deleted).toBe(0);
  });

  it("still refuses a kept event sent again, and takes an event of a dropped month into the default partition", async () => {
    const user = L.closed.user;
    const resend = old.kept.find((e) => e.type === "recipe.viewed")!;
    const body = (e: IngestRow) => ({ events: [{ event_id: e.eventId, type: e.type, occurred_at: new Date(e.occurredAt).toISOString(), recipe: recipeId, payload: e.payload }] });
    expect(await ingestEvents({ caller: user, body: body(resend) })).toEqual({ accepted: 0, duplicates: 1 });
    const late = ev(user, "recipe.viewed", JUNE(20), { recipeId });
    expect(await ingestEvents({ caller: user, body: body(late) })).toEqual({ accepted: 1, duplicates: 0 });
    expect(await ingestEvents({ caller: user, body: body(late) })).toEqual({ accepted: 0, duplicates: 1 });
    const [row] = await rows<{ part: string }>(db, sql`select tableoid::regclass::text as part from telemetry_events where event_id = ${late.eventId}`);
    expect(row.part).toBe("telemetry_events_default");
  });

  it("an event of a month being trimmed waits for the trim and is kept, with ingest into other months unhindered", async () => {
    if (dbKind() === "pglite") return; // one connection: nothing runs concurrently
    const user = L.closed.user;
    await ensureTelemetryPartitions({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-01T00:00:00Z") });
    const march = partitionMonth("telemetry_events_y2026m03")!;
    const gone = ev(user, "mission.viewed", new Date("2026-03-05T00:00:00Z"));
    await insertEvents({ events: [gone] });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let trimmed!: () => void;
    const trimDone = new Promise<void>((r) => (trimmed = r));
    const trim = db.transaction(async (tx) => {
      const r = await trimPartition({ partition: march, tx });
      trimmed();
      await held; // the trim's transaction stays open while the others try to write
      return r;
    });
    await trimDone;
    const late = ev(user, "mission.viewed", new Date("2026-03-06T00:00:00Z"));
    let lateDone = false;
    const lateInsert = insertEvents({ events: [late] }).then((n) => ((lateDone = true), n));
    // Another month is not held up by the trim.
    expect(await insertEvents({ events: [ev(user, "mission.viewed", NOV(20))] })).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(lateDone).toBe(false);
    release();
    expect(await trim).toMatchObject({ partition: "telemetry_events_y2026m03", dropped: 1, action: "dropped" });
    expect(await lateInsert).toBe(1);
    expect(await stored([gone.eventId, late.eventId])).toEqual([late.eventId]);
    expect(await idsKept([gone.eventId, late.eventId])).toEqual([late.eventId]);
  });
});
