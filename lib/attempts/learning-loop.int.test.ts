import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions, stageCompletions, stageTime } from "@/lib/db/schema";
import { recordEvents } from "@/lib/telemetry/record";
import { type PreparedFile } from "@/lib/storage";
import { stageBytes } from "@/lib/storage/staging";
import { addEvidence } from "@/lib/attempts/evidence";
import type { EventRecord } from "@/lib/telemetry/events";
import { call, completeFoundations, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import * as start from "@/app/api/v1/missions/[id]/start/route";
import * as progress from "@/app/api/v1/missions/[id]/progress/route";
import * as timeline from "@/app/api/v1/missions/[id]/timeline/route";
import * as complete from "@/app/api/v1/missions/[id]/stages/[stage]/complete/route";
import * as review from "@/app/api/v1/reviews/[progress]/route";

// SPEC §7 "The learning loop": the timeline replays an attempt from its events; the server offers
// one nudge to a learner stuck at a stage, and none to one who is not.

let missionId: string;

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  // Five learners completed the triage stage in 1–3 minutes of visible time: a p75 to compare with.
  for (let i = 0; i < 5; i++) {
    const u = await makeUser("learner");
    const [p] = await db.insert(missionProgress).values({ userId: u.id, missionId, missionVersion: 1, state: "in_progress", path: ["triage"] }).returning();
    await db.insert(stageCompletions).values({ progressId: p.id, stageKey: "triage", notes: "done" });
    await db.insert(stageTime).values({ progressId: p.id, stageKey: "triage", missionId, visibleMs: 60_000 * (1 + i / 2), visits: 1 });
  }
});

async function started({ withEvidence = false } = {}) {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  const r = await call(start.POST, { token: u.token, params: { id: "TEST-01" } });
  expect(r.status).toBeLessThan(300);
  // Triage asks for a file before it can be completed (with a right or a wrong answer).
  if (withEvidence) await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text(`auth.log excerpt ${u.id}`)] });
  return { u, progressId: r.json.id as string };
}

function text(s: string): PreparedFile {
  return stageBytes({ name: "counts.txt", bytes: new TextEncoder().encode(s), contentType: "text/plain; charset=utf-8", kind: "text" });
}

const ev = (u: TestUser, progressId: string, type: EventRecord["type"], at: number, extra: Partial<EventRecord> = {}): EventRecord => ({
  type,
  userId: u.id,
  missionId,
  progressId,
  stageKey: "triage",
  occurredAt: new Date(at),
  ...extra,
});

describe("timeline", () => {
  it("replays the attempt in order: entered, left with visible seconds, wrong answer, nudge", async () => {
    const { u, progressId } = await started({ withEvidence: true });
    const t0 = Date.now();
    await db.transaction((tx) =>
      recordEvents(tx, [
        ev(u, progressId, "stage.entered", t0),
        ev(u, progressId, "stage.left", t0 + 95_000, { payload: { visible_ms: 95_000 } }),
        ev(u, progressId, "nudge.shown", t0 + 96_000, { payload: { kind: "recipe" } }),
      ]),
    );
    // A wrong answer completes the stage all the same (the rule is notes and evidence), and is a moment.
    await call(complete.POST, { token: u.token, params: { id: "TEST-01", stage: "triage" }, body: { notes: "The attacker is 10.0.0.1.", answer: "10.0.0.1" } });
    const r = await call(timeline.GET, { token: u.token, params: { id: "TEST-01" } });
    expect(r.status).toBe(200);
    const kinds = r.json.moments.map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(["started", "evidence", "stage_entered", "wrong_answer", "stage_left", "nudge"]);
    expect(r.json.moments.find((m: { kind: string }) => m.kind === "stage_left")).toMatchObject({ stage: "triage", visible_seconds: 95, text: "Left “Triage” after 1 min 35 s on screen" });
    const times = r.json.moments.map((m: { at: string }) => Date.parse(m.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("is the caller's own: 404 before starting, and a mentor reads it inside the review", async () => {
    const stranger = await makeUser("learner");
    expect((await call(timeline.GET, { token: stranger.token, params: { id: "TEST-01" } })).status).toBe(404);
    const { u, progressId } = await started();
    const mentor = await makeUser("mentor");
    await makeCohort({ learners: [u], mentor });
    await db.update(missionProgress).set({ state: "submitted", submittedAt: new Date() }).where(eq(missionProgress.id, progressId));
    const d = await call(review.GET, { token: mentor.token, params: { progress: progressId } });
    expect(d.status).toBe(200);
    expect(d.json.timeline[0]).toMatchObject({ kind: "started" });
  });
});

describe("nudges", () => {
  it("a fresh learner gets none", async () => {
    const { u, progressId } = await started();
    await db.transaction((tx) => recordEvents(tx, [ev(u, progressId, "stage.entered", Date.now() - 10_000)]));
    const r = await call(progress.GET, { token: u.token, params: { id: "TEST-01" } });
    expect(r.status).toBe(200);
    expect(r.json.nudge).toBeNull();
  });

  it("a learner past the p75 of completers gets one recipe, with its reason, until they dismiss it", async () => {
    const { u, progressId } = await started();
    const t0 = Date.now() - 20 * 60_000;
    await db.transaction((tx) =>
      recordEvents(tx, [
        ev(u, progressId, "stage.entered", t0),
        ev(u, progressId, "stage.left", t0 + 8 * 60_000, { payload: { visible_ms: 8 * 60_000 } }),
        ev(u, progressId, "stage.entered", Date.now() - 30_000),
      ]),
    );
    const r = await call(progress.GET, { token: u.token, params: { id: "TEST-01" } });
    expect(r.json.nudge).toMatchObject({ kind: "recipe", stage: "triage", rule: "slow", recipe: { slug: expect.any(String) } });
    expect(r.json.nudge.reason).toMatch(/^You have spent 8 min \d\d s on this stage; three in four learners who completed it needed less than 2 min \d\d s\.$/);
    await db.transaction((tx) => recordEvents(tx, [ev(u, progressId, "nudge.dismissed", Date.now(), { payload: { kind: "recipe" } })]));
    expect((await call(progress.GET, { token: u.token, params: { id: "TEST-01" } })).json.nudge).toBeNull();
  });

  it("two wrong answers in a row bring a nudge", async () => {
    const { u } = await started({ withEvidence: true });
    for (const answer of ["10.0.0.1", "10.0.0.2"]) await call(complete.POST, { token: u.token, params: { id: "TEST-01", stage: "triage" }, body: { notes: "My guess at the source.", answer } });
    const r = await call(progress.GET, { token: u.token, params: { id: "TEST-01" } });
    expect(r.json.nudge).toMatchObject({ rule: "wrong_answers", stage: "triage" });
  });
});
