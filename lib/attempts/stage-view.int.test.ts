import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { db, getDb } from "@/lib/db";
import { missionProgress, missions, telemetryEvents } from "@/lib/db/schema";
import { completeFoundations, loadFixtures, makeUser } from "@/test/helpers";
import { chooseDecision, completeStage, unlockHint } from "@/lib/attempts/play";
import { listDecisions, stageView } from "@/lib/attempts/read";
import { startMission } from "@/lib/attempts/start";
import { contentOf } from "@/lib/attempts/load";
import { recommendationsFor, stageRecommendations } from "@/lib/recipes/recommendations";
import { missionDetail } from "@/lib/catalogue/detail";
import { addEvidence } from "@/lib/attempts/evidence";
import { type PreparedFile } from "@/lib/storage";
import { stageBytes } from "@/lib/storage/staging";

// stageView is the stage player's one load: it must answer exactly what missionDetail (minus the
// lock state) and listDecisions answer, with the same visibility and deadline rules.

const text = (s: string): PreparedFile => {
  return stageBytes({ name: "counts.txt", bytes: new TextEncoder().encode(s), contentType: "text/plain; charset=utf-8", kind: "text" });
};

async function learner() {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  return u;
}

function withoutLock<T extends { locked: unknown; lock_reason: unknown; exception: unknown; enrolled: unknown }>(d: T) {
  const { locked: _l, lock_reason: _r, exception: _e, enrolled: _n, ...rest } = d;
  return rest;
}

// Counts statements where they leave for the database (postgres.js `unsafe`, PGlite `query`), so a
// query drizzle keeps built (builtOnce in lib/db) counts each time it is sent.
function statementSpy() {
  const client = (getDb() as unknown as { $client: Record<string, (...a: unknown[]) => unknown> }).$client;
  return vi.spyOn(client, typeof client.unsafe === "function" ? "unsafe" : "query");
}

beforeAll(async () => {
  await loadFixtures();
});

describe("stageView", () => {
  it("answers what missionDetail and listDecisions answer, mid-attempt with a hint, evidence and a decision", async () => {
    const u = await learner();
    await startMission({ caller: u, idOrCode: "TEST-01" });
    await unlockHint({ caller: u, idOrCode: "TEST-01", stage: "triage" });
    await addEvidence({ caller: u, idOrCode: "TEST-01", stage: "triage", files: [text(`203.0.113.45 10 ${u.id}`)] });
    await completeStage({ caller: u, idOrCode: "TEST-01", stage: "triage", input: { notes: "Ten failures from one address.", answer: "203.0.113.45" } });
    await chooseDecision({ caller: u, idOrCode: "TEST-01", decision: "respond", choiceId: "block" });

    const view = await stageView({ caller: u, idOrCode: "TEST-01" });
    const detail = await missionDetail({ caller: u, idOrCode: "TEST-01" });
    const { decisions } = await listDecisions({ caller: u, idOrCode: "TEST-01" });
    const sansClock = <T extends { progress: { time_remaining_seconds: unknown; remaining_fraction: unknown } | null }>(d: T) => ({
      ...d,
      progress: d.progress && { ...d.progress, time_remaining_seconds: null, remaining_fraction: null },
    });
    expect(sansClock(view.detail)).toEqual(sansClock(withoutLock(detail)));
    expect(view.decisions).toEqual(decisions);
    expect(view.detail.progress?.path).toEqual(["triage", "contain"]);
    expect(view.detail.stages.find((s) => s.key === "triage")?.hints[0]).toMatchObject({ level: 1, unlocked: true });
    // By id as well as by code.
    expect((await stageView({ caller: u, idOrCode: view.detail.id })).detail.code).toBe("TEST-01");
  });

  it("reads mission, attempt and facts once: fewer queries than missionDetail + listDecisions", async () => {
    const u = await learner();
    await startMission({ caller: u, idOrCode: "TEST-01" });
    const spy = statementSpy();
    const queries = async (f: () => Promise<unknown>) => {
      spy.mockClear();
      await f();
      return spy.mock.calls.length;
    };
    const before = await queries(async () => {
      await missionDetail({ caller: u, idOrCode: "TEST-01" });
      await listDecisions({ caller: u, idOrCode: "TEST-01" });
    });
    const now = await queries(() => stageView({ caller: u, idOrCode: "TEST-01" }));
    spy.mockRestore();
    console.info(`[stage-view] queries: missionDetail + listDecisions ${before}, stageView ${now}`);
    // Mission with its latest attempt (one statement), then the facts (the five tables) with the
    // linked recipes (one statement): the content of a version is kept in the process after its first
    // read (missionDetail above read it), as it is for every stage page but the first.
    expect(now).toBeLessThanOrEqual(2);
    expect(now).toBeLessThan(before);
  });

  it("the page's whole load, sidebar included, is a bounded number of statements; the sidebar ranks as GET /recipes/recommendations does", async () => {
    const u = await learner();
    await startMission({ caller: u, idOrCode: "TEST-01" });
    const view = await stageView({ caller: u, idOrCode: "TEST-01" });
    const stage = view.detail.progress!.current_stage!;
    const spy = statementSpy();
    const again = await stageView({ caller: u, idOrCode: "TEST-01" });
    const page = spy.mock.calls.length;
    const sidebar = await stageRecommendations({ caller: u, mission: again.mission, content: again.content, stageKey: stage, limit: 4 });
    const statements = spy.mock.calls.length;
    // The recipes' measured effects (an aggregate over every learner) are kept for a minute.
    spy.mockClear();
    await stageRecommendations({ caller: u, mission: again.mission, content: again.content, stageKey: stage, limit: 4 });
    const sidebarAgain = spy.mock.calls.length;
    spy.mockRestore();
    expect(sidebarAgain).toBeLessThan(statements - page);
    console.info(`[stage-view] queries for the whole stage page: ${statements}`);
    // stageView 2; the sidebar 6: gaps, tracks (2), the unlock threshold, recipe features, effectiveness.
    expect(page).toBeLessThanOrEqual(2);
    expect(statements).toBeLessThanOrEqual(8);
    expect(sidebar).toEqual(await recommendationsFor({ caller: u, mission: "TEST-01", stage, limit: 4 }));
  });

  it("keeps a content version between reads, frozen, and reads inside a transaction afresh", async () => {
    const [m] = await db.select({ id: missions.id, version: missions.version }).from(missions).where(eq(missions.code, "TEST-01"));
    const a = await contentOf({ missionId: m.id, version: m.version });
    const b = await contentOf({ missionId: m.id, version: m.version });
    expect(b).toBe(a);
    expect(Object.isFrozen(a.stages[0])).toBe(true);
    const inTx = await db.transaction((tx) => contentOf({ missionId: m.id, version: m.version, tx }));
    expect(inTx).not.toBe(a);
    expect(inTx).toEqual(a);
  });

  it("has no attempt before the start; 404 for an unknown mission", async () => {
    const u = await learner();
    const view = await stageView({ caller: u, idOrCode: "TEST-01" });
    expect(view.detail.progress).toBeNull();
    expect(view.decisions).toEqual((await listDecisions({ caller: u, idOrCode: "TEST-01" })).decisions);
    await expect(stageView({ caller: u, idOrCode: "NOPE-99" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("applies the deadline on read: an overdue attempt is shown expired, with its event", async () => {
    const u = await learner();
    const { progress } = await startMission({ caller: u, idOrCode: "TEST-01" });
    await db.update(missions).set({ timeConstraintHours: 1, autoSubmitOnDeadline: false }).where(eq(missions.code, "TEST-01"));
    try {
      await db.update(missionProgress).set({ deadlineAt: new Date(Date.now() - 1000) }).where(eq(missionProgress.id, progress.id));
      const view = await stageView({ caller: u, idOrCode: "TEST-01" });
      expect(view.detail.progress).toMatchObject({ id: progress.id, state: "expired" });
      const [ev] = await db.select({ n: count() }).from(telemetryEvents).where(and(eq(telemetryEvents.progressId, progress.id), eq(telemetryEvents.type, "mission.expired")));
      expect(ev.n).toBe(1);
    } finally {
      await db.update(missions).set({ timeConstraintHours: null }).where(eq(missions.code, "TEST-01"));
    }
  });
});
