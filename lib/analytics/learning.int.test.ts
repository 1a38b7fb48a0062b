import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { hintsUnlocked, missionProgress, missions, stageCompletions, telemetryEvents } from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import * as paths from "@/app/api/v1/missions/analytics/paths/route";
import * as nudges from "@/app/api/v1/missions/analytics/nudges/route";
import * as hints from "@/app/api/v1/missions/analytics/hints/route";

// The learning-loop dashboards against a hand-built set of attempts of TEST-01.

let missionId: string;
let admin: TestUser;
let mentor: TestUser;
let learners: TestUser[];

async function attempt(u: TestUser, path: string[], state: "approved" | "failed" | "in_progress", score: number | null) {
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: u.id, missionId, missionVersion: 1, state, path, score, passed: score === null ? null : score >= 60, submittedAt: state === "in_progress" ? null : new Date() })
    .returning();
  return p.id;
}

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  admin = await makeUser("admin");
  mentor = await makeUser("mentor");
  learners = await Promise.all(Array.from({ length: 5 }, () => makeUser("learner")));
  // Only the first two learners are the mentor's.
  await makeCohort({ learners: learners.slice(0, 2), mentor });
  await attempt(learners[0], ["triage", "contain", "report"], "approved", 80);
  await attempt(learners[1], ["triage", "contain", "report"], "approved", 90);
  await attempt(learners[2], ["triage", "contain", "report"], "approved", 70);
  await attempt(learners[3], ["triage", "watch"], "in_progress", null);
  await attempt(learners[4], ["triage", "contain", "detect"], "failed", 40);
});

describe("GET /missions/analytics/paths", () => {
  it("counts every step with its share and mean score, and marks the expert's path", async () => {
    const r = await call(paths.GET, { token: admin.token, path: "/api/v1/missions/analytics/paths?mission=TEST-01" });
    expect(r.status).toBe(200);
    expect(r.json.attempts).toBe(5);
    const link = (s: string, t: string) => r.json.links.find((l: { source: string; target: string }) => l.source === s && l.target === t);
    expect(link("triage", "contain")).toMatchObject({ count: 4, share: 0.8, mean_score: 70, expert: true, choice: { decision: "respond", id: "block", ideal: true } });
    expect(link("triage", "watch")).toMatchObject({ count: 1, share: 0.2, mean_score: null, expert: false, choice: { id: "watch" } });
    expect(link("contain", "report")).toMatchObject({ count: 3, share: 0.75, mean_score: 80 });
    expect(link("contain", "detect")).toMatchObject({ count: 1, mean_score: 40, expert: true });
    expect(link("report", "end")).toMatchObject({ count: 3, share: 1 });
    // An attempt still in progress has not reached the end of its path.
    expect(link("watch", "end")).toBeUndefined();
    // The decision after "contain" has no ideal choice: the expert follows its first, then the default next stage.
    expect(r.json.expert_path).toEqual(["triage", "contain", "detect", "report"]);
    expect(r.json.nodes.find((n: { id: string }) => n.id === "triage")).toMatchObject({ title: "Triage", attempts: 5, expert: true });
  });

  it("needs a mission (400 naming it), and scopes a mentor to their learners", async () => {
    const bad = await call(paths.GET, { token: admin.token, path: "/api/v1/missions/analytics/paths" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty("mission");
    const m = await call(paths.GET, { token: mentor.token, path: "/api/v1/missions/analytics/paths?mission=TEST-01" });
    expect(m.status).toBe(200);
    expect(m.json.attempts).toBe(2);
  });

  it("is refused to learners", async () => {
    expect((await call(paths.GET, { token: learners[0].token, path: "/api/v1/missions/analytics/paths?mission=TEST-01" })).status).toBe(403);
    expect((await call(nudges.GET, { token: learners[0].token, path: "/api/v1/missions/analytics/nudges" })).status).toBe(403);
    expect((await call(hints.GET, { token: learners[0].token, path: "/api/v1/missions/analytics/hints" })).status).toBe(403);
  });
});

describe("GET /missions/analytics/nudges and /hints", () => {
  it("report the nudge rate per stage, and say there is not enough data for a lift", async () => {
    const [p] = await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, learners[3].id));
    await db.insert(telemetryEvents).values({ eventId: crypto.randomUUID(), type: "nudge.shown", userId: learners[3].id, occurredAt: new Date(), missionId, progressId: p.id, stageKey: "triage", payload: {} });
    const r = await call(nudges.GET, { token: admin.token, path: "/api/v1/missions/analytics/nudges?mission=TEST-01" });
    expect(r.status).toBe(200);
    const triage = r.json.items.find((i: { stage: string }) => i.stage === "triage");
    expect(triage).toMatchObject({ reached: 5, shown: 1, nudge_rate: 0.2, stage_title: "Triage", lift: { enough_data: false, ignored: { attempts: 1 } } });
    expect(triage.lift.summary).toMatch(/^Not enough data/);
  });

  it("count completions soon after a hint against attempts without it", async () => {
    const [p] = await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, learners[0].id));
    const at = new Date(Date.now() - 60 * 60_000);
    await db.insert(hintsUnlocked).values({ progressId: p.id, stageKey: "triage", level: 1, penalty: 2, createdAt: at });
    await db.insert(stageCompletions).values({ progressId: p.id, stageKey: "triage", notes: "ok", completedAt: new Date(at.getTime() + 3 * 60_000) });
    const r = await call(hints.GET, { token: admin.token, path: "/api/v1/missions/analytics/hints?mission=TEST-01" });
    expect(r.status).toBe(200);
    expect(r.json.items).toEqual([
      expect.objectContaining({ stage: "triage", level: 1, unlocked: 1, completed_soon: 1, completed_soon_rate: 1, without: 4, without_completion_rate: 0, enough_data: false, difference: null, flagged: false }),
    ]);
  });
});
