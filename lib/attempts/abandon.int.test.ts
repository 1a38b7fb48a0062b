import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, telemetryEvents } from "@/lib/db/schema";
import { call, completeFoundations, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import * as sweep from "@/app/api/v1/admin/jobs/sweep-deadlines/route";
import * as timeline from "@/app/api/v1/missions/[id]/timeline/route";
import { startMission } from "./start";

// mission.abandoned (SPEC §3 telemetry vocabulary): the sweep records an open attempt idle for
// SORTIE_ABANDON_DAYS (7 by default), the dashboards' definition, once per idle spell, at its stage.

let admin: TestUser;
beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin");
});

async function learnerWithAttempt() {
  const u = await makeUser("learner");
  await completeFoundations(u.id);
  const started = await startMission({ caller: u, idOrCode: "TEST-01" });
  return { u, progressId: started.progress.id as string };
}
const idle = (progressId: string, days: number) => db.update(missionProgress).set({ lastActivityAt: sql`now() - make_interval(days => ${days})` }).where(eq(missionProgress.id, progressId));
const abandonedEvents = (progressId: string) => db.select().from(telemetryEvents).where(and(eq(telemetryEvents.progressId, progressId), eq(telemetryEvents.type, "mission.abandoned")));

describe("mission.abandoned", () => {
  it("is recorded for an attempt idle past the threshold, at its drop-off stage, once", async () => {
    const idleOne = await learnerWithAttempt();
    const fresh = await learnerWithAttempt();
    await idle(idleOne.progressId, 8);
    await idle(fresh.progressId, 6);

    const r = await call(sweep.POST, { method: "POST", token: admin.token });
    expect(r.status).toBe(200);
    expect(r.json.abandoned).toBeGreaterThanOrEqual(1);
    const [e] = await abandonedEvents(idleOne.progressId);
    // A valid (version 3, name-based) UUID, as every event id a client may quote.
    expect(e.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e).toMatchObject({ userId: idleOne.u.id, stageKey: "triage", payload: expect.objectContaining({ idle_days: 7, state: "in_progress" }) });
    const [p] = await db.select().from(missionProgress).where(eq(missionProgress.id, idleOne.progressId));
    // It became abandoned seven days after the last activity, not when the sweep noticed.
    expect(e.occurredAt.getTime() - p.lastActivityAt.getTime()).toBe(7 * 86_400_000);
    expect(await abandonedEvents(fresh.progressId)).toHaveLength(0);

    // The learner who comes back sees the idle spell in the replay of the attempt.
    const t = await call(timeline.GET, { token: idleOne.u.token, params: { id: "TEST-01" } });
    const gap = t.json.moments.find((m: { kind: string }) => m.kind === "abandoned");
    expect(gap).toMatchObject({ stage: "triage", at: e.occurredAt.toISOString() });
    expect(gap.text).toMatch(/^No activity for 7 days at “.+”: counted as abandoned$/);

    // A second sweep records nothing new for the same idle spell.
    expect((await call(sweep.POST, { method: "POST", token: admin.token })).json.abandoned).toBe(0);
    expect(await abandonedEvents(idleOne.progressId)).toHaveLength(1);

    // The learner comes back, then goes quiet again: a second spell, a second event.
    await idle(idleOne.progressId, 10);
    await call(sweep.POST, { method: "POST", token: admin.token });
    expect(await abandonedEvents(idleOne.progressId)).toHaveLength(2);
  });

  it("is not recorded for a submitted attempt, however long it waits for review", async () => {
    const { u, progressId } = await learnerWithAttempt();
    await db.update(missionProgress).set({ state: "submitted", submittedAt: new Date() }).where(eq(missionProgress.id, progressId));
    await idle(progressId, 30);
    await call(sweep.POST, { method: "POST", token: admin.token });
    expect(await abandonedEvents(progressId)).toHaveLength(0);
    expect(u.id).toBeTruthy();
  });
});
