import type { ProgressState } from "@/lib/db/schema/enums";
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionsMade, hintsUnlocked, missionProgress, missions, reviewScores, reviews, stageCompletions, toolsUsed } from "@/lib/db/schema";
import { GET as performanceRoute } from "@/app/api/v1/missions/analytics/performance/route";
import { GET as heatmapRoute } from "@/app/api/v1/missions/analytics/heatmap/route";
import { GET as benchmarksGET } from "@/app/api/v1/missions/analytics/benchmarks/route";
import { GET as dashboardRoute } from "@/app/api/v1/enterprise/cohorts/[cohort]/dashboard/route";
import { GET as xapiGET } from "@/app/api/v1/telemetry/xapi/route";
import * as refreshJob from "@/app/api/v1/admin/jobs/refresh-analytics/route";
import { insertEvents } from "@/lib/db/queries/telemetry";
import { rows } from "@/lib/db/sql";
import { weightedPercentiles } from "@/lib/analytics/items";
import { resolveScope, rollupScope, usesRollup } from "@/lib/analytics/filters";
import { aggregatesVersion, applyChanges, rebuildAggregates, scopeVersion } from "@/lib/analytics/aggregates";
import { importPack } from "@/lib/content/import";
import { fixtureMission, fixturePack } from "@/test/fixtures";
import { maintainAnalytics } from "@/lib/analytics/refresher";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";

// These tests read right after each write: wait for the newest answer, however slow the machine is.
process.env.SORTIE_ANALYTICS_STALE_MS = "60000";

/**
 * Dashboard reads never wait for the change consumer (aggregates.ts): these tests read after it has
 * run, as a user does a few seconds after a write.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function applied<H extends (req: Request, ctx: any) => Promise<Response>>(h: H): H {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const wrapped = async (req: Request, ctx: any) => {
    await applyChanges();
    return h(req, ctx);
  };
  return Object.assign(wrapped, { contract: (h as unknown as { contract: unknown }).contract }) as unknown as H;
}
const performanceGET = applied(performanceRoute);
const heatmapGET = applied(heatmapRoute);
const dashboardGET = applied(dashboardRoute);

let missionId: string;
let admin: TestUser, mentorA: TestUser, enterpriseA: TestUser, enterpriseB: TestUser, learner: TestUser;
let a1: TestUser, a2: TestUser, b1: TestUser;
let cohortA: { id: string; slug: string }, cohortB: { id: string; slug: string };
const DAY = 86_400_000;
const attemptNo = new Map<string, number>();

async function attempt(user: TestUser, o: { startedDaysAgo?: number; path: string[]; state?: ProgressState; score?: number | null; passed?: boolean | null; minutes?: number; idleDays?: number; choices?: [string, string][]; hints?: number; tools?: string[] }) {
  const started = new Date(Date.now() - (o.startedDaysAgo ?? 20) * DAY);
  const submitted = o.minutes !== undefined ? new Date(started.getTime() + o.minutes * 60_000) : null;
  const [p] = await db
    .insert(missionProgress)
    .values({
      userId: user.id,
      missionId,
      missionVersion: 1,
      attempt: attemptNo.set(user.id, (attemptNo.get(user.id) ?? 0) + 1).get(user.id),
      state: o.state ?? (submitted ? "approved" : "in_progress"),
      path: o.path,
      currentStage: submitted ? null : o.path[o.path.length - 1],
      startedAt: started,
      submittedAt: submitted,
      score: o.score ?? null,
      passed: o.passed ?? null,
      lastActivityAt: new Date(Date.now() - (o.idleDays ?? 0) * DAY),
    })
    .returning();
  const done = submitted ? o.path : o.path.slice(0, -1);
  if (done.length) await db.insert(stageCompletions).values(done.map((k) => ({ progressId: p.id, stageKey: k })));
  for (const [d, c] of o.choices ?? []) await db.insert(decisionsMade).values({ progressId: p.id, decisionKey: d, choiceKey: c });
  for (let i = 1; i <= (o.hints ?? 0); i++) await db.insert(hintsUnlocked).values({ progressId: p.id, stageKey: "triage", level: i, penalty: 2 });
  for (const t of o.tools ?? []) await db.insert(toolsUsed).values({ progressId: p.id, stageKey: "triage", tool: t });
  return p.id;
}

beforeAll(async () => {
  await loadFixtures();
  const [m] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  missionId = m.id;
  admin = await makeUser("admin");
  mentorA = await makeUser("mentor");
  learner = await makeUser("learner");
  a1 = await makeUser("learner", { name: "Ada One" });
  a2 = await makeUser("learner", { name: "Abe Two" });
  b1 = await makeUser("learner", { name: "Bea Other" });
  const A = await makeCohort({ learners: [a1, a2], mentor: mentorA });
  const B = await makeCohort({ learners: [b1] });
  cohortA = A.cohort;
  cohortB = B.cohort;
  enterpriseA = await makeUser("enterprise", { organisationId: A.org.id });
  enterpriseB = await makeUser("enterprise", { organisationId: B.org.id });

  // Cohort A: a1 passed on the expert path quickly; a2 deviated, failed, slower.
  await attempt(a1, { path: ["triage", "contain", "detect", "report"], score: 90, passed: true, minutes: 60, choices: [["respond", "block"], ["detect-or-report", "detect"]], tools: ["grep"] });
  await attempt(a2, { path: ["triage", "watch", "detect", "report"], state: "failed", score: 40, passed: false, minutes: 180, choices: [["respond", "watch"]], hints: 2, tools: ["grep", "awk"] });
  // a2 also abandoned a second attempt at "contain" (idle 10 days).
  await attempt(a2, { path: ["triage", "contain"], idleDays: 10, choices: [["respond", "block"]] });
  // Cohort B: b1 in progress at triage, active today; plus two more submitted attempts.
  await attempt(b1, { path: ["triage"] });
  await attempt(b1, { path: ["triage", "contain", "report"], score: 70, passed: true, minutes: 90, choices: [["respond", "block"], ["detect-or-report", "report"]] });
});

describe("mission performance", () => {
  it("refuses learners (403) and anonymous callers (401)", async () => {
    expect((await call(performanceGET, { token: learner.token })).status).toBe(403);
    expect((await call(performanceGET, {})).status).toBe(401);
    expect((await call(heatmapGET, { token: learner.token })).status).toBe(403);
  });

  it("gives admins every attempt: KPIs, funnel, decisions, hints and tools", async () => {
    const r = await call(performanceGET, { token: admin.token, path: "/x?mission=TEST-01" });
    expect(r.status).toBe(200);
    const k = r.json.kpis;
    expect(k).toMatchObject({ attempts: 5, submissions: 3, reviewed: 3, passed: 2, abandoned: 1, median_score: 70 });
    expect(k.completion_rate).toBeCloseTo(0.6);
    expect(k.pass_rate).toBeCloseTo(2 / 3);
    expect(k.median_time_ms).toBe(90 * 60_000);
    expect(r.json.funnel.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
      ["started", 5],
      ["stage-1", 5],
      ["stage-2", 4],
      ["stage-3", 3],
      ["stage-4", 3],
      ["submitted", 3],
      ["passed", 2],
    ]);
    expect(r.json.funnel[2].label).toMatch(/Contain/);
    expect(r.json.drop_off).toEqual([expect.objectContaining({ mission: "TEST-01", stage: "contain", abandoned: 1 })]);
    const respond = r.json.decisions.points.find((p: { decision: string }) => p.decision === "respond");
    const block = respond.choices.find((c: { choice: string }) => c.choice === "block");
    expect(block).toMatchObject({ count: 3, ideal: true, mean_score: 80 });
    expect(respond.choices.find((c: { choice: string }) => c.choice === "watch")).toMatchObject({ count: 1, mean_score: 40 });
    expect(r.json.decisions.expert_path).toEqual(["triage", "contain", "detect", "report"]);
    expect(r.json.decisions.paths.find((p: { expert: boolean }) => p.expert)).toMatchObject({ path: ["triage", "contain", "detect", "report"], deviations: 0, mean_score: 90 });
    expect(r.json.decisions.paths.find((p: { path: string[] }) => p.path.includes("watch")).deviations).toBe(1);
    expect(r.json.hints).toMatchObject({ attempts_with_hints: 1, hints_unlocked: 2 });
    expect(r.json.tools[0]).toMatchObject({ tool: "grep", attempts: 2 });
    expect(r.json.score_distribution[9].count).toBe(1);
  });

  it("scopes a mentor to their own learners and an enterprise viewer to their organisation", async () => {
    const m = await call(performanceGET, { token: mentorA.token });
    expect(m.json.kpis.attempts).toBe(3);
    expect(m.json.kpis.learners).toBe(2);
    const e = await call(performanceGET, { token: enterpriseB.token });
    expect(e.json.kpis.attempts).toBe(2);
    // Another organisation's cohort as a filter: not found, never an empty answer that confirms it exists.
    const other = await call(performanceGET, { token: enterpriseA.token, path: `/x?cohort=${cohortB.slug}` });
    expect(other.status).toBe(404);
    const mentorOther = await call(performanceGET, { token: mentorA.token, path: `/x?cohort=${cohortB.id}` });
    expect(mentorOther.status).toBe(404);
  });

  it("filters by cohort and date range, and the funnel changes", async () => {
    const all = await call(performanceGET, { token: admin.token });
    const a = await call(performanceGET, { token: admin.token, path: `/x?cohort=${cohortA.slug}` });
    expect(a.json.kpis.attempts).toBe(3);
    expect(a.json.funnel[0].count).not.toBe(all.json.funnel[0].count);
    const future = await call(performanceGET, { token: admin.token, path: "/x?from=2999-01-01" });
    expect(future.json.kpis.attempts).toBe(0);
    expect(future.json.kpis.median_score).toBeNull();
    const bad = await call(performanceGET, { token: admin.token, path: "/x?tier=expert&from=yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["from", "tier"]);
    expect((await call(performanceGET, { token: admin.token, path: "/x?mission=NOPE-99" })).status).toBe(404);
  });

  it("measures time per stage from a known sequence of stage events (visible intervals summed over visits)", async () => {
    const pid = await attempt(learner, { path: ["triage", "contain"] });
    const t0 = Date.parse("2026-03-01T10:00:00Z");
    const at = (s: number) => new Date(t0 + s * 1000);
    const e = (type: "stage.entered" | "stage.left", stage: string, s: number, payload: Record<string, unknown> = {}) => ({
      eventId: randomUUID(), type, userId: learner.id, occurredAt: at(s), missionId, progressId: pid, stageKey: stage, recipeId: null, payload,
    });
    // Through the ingest statement, which also keeps the stage_time rollup.
    await insertEvents({ events: [
      // triage: two visits, 60 s by timestamps then 30 s reported as visible_ms (tab hidden in between)
      e("stage.entered", "triage", 0),
      e("stage.left", "triage", 60),
      e("stage.entered", "triage", 500),
      e("stage.left", "triage", 900, { visible_ms: 30_000 }),
      // contain: entered, left with 45 s visible
      e("stage.entered", "contain", 1000),
      e("stage.left", "contain", 1100, { visible_ms: 45_000 }),
      // a stray stage.left without its entered is ignored
      e("stage.left", "contain", 1200),
    ] });
    const r = await call(performanceGET, { token: admin.token, path: "/x?mission=TEST-01" });
    const triage = r.json.time_per_stage.find((x: { stage: string }) => x.stage === "triage");
    const contain = r.json.time_per_stage.find((x: { stage: string }) => x.stage === "contain");
    expect(triage).toMatchObject({ attempts: 1, total_ms: 90_000, stage_title: "Triage" });
    expect(contain).toMatchObject({ attempts: 1, total_ms: 45_000 });
    // The learner's own events are not visible to a mentor who does not mentor them.
    const m = await call(performanceGET, { token: mentorA.token, path: "/x?mission=TEST-01" });
    expect(m.json.time_per_stage).toEqual([]);
  });
});

describe("heatmap", () => {
  it("has every track × tier cell and completion by mission × stage", async () => {
    const r = await call(heatmapGET, { token: admin.token, path: `/x?cohort=${cohortA.id}` });
    expect(r.status).toBe(200);
    expect(r.json.track_tier).toHaveLength(20);
    const cell = r.json.track_tier.find((c: { track: string; tier: string }) => c.track === "defender" && c.tier === "beginner");
    expect(cell).toMatchObject({ attempts: 3, submitted: 2 });
    expect(r.json.track_tier.find((c: { track: string }) => c.track === "grc").completion_rate).toBeNull();
    const stages = r.json.mission_stage[0].stages;
    expect(stages.map((s: { stage: string; completed: number }) => [s.stage, s.completed])).toEqual([
      ["triage", 3],
      ["contain", 1],
      ["watch", 1],
      ["detect", 2],
      ["report", 2],
    ]);
  });
});

describe("benchmarks", () => {
  it("ranks a learner's score and time among everyone and their cohort", async () => {
    const r = await call(benchmarksGET, { token: admin.token, path: `/x?mission=TEST-01&learner=${a1.id}` });
    expect(r.status).toBe(200);
    expect(r.json.attempt).toMatchObject({ score: 90, time_ms: 3_600_000 });
    // Scores 40, 70, 90: ours is the top (2 below, itself equal): (2 + 0.5) / 3
    expect(r.json.all.score_percentile).toBeCloseTo(83.3, 1);
    // Times 60, 90, 180 min: ours is the fastest.
    expect(r.json.all.time_percentile).toBeCloseTo(83.3, 1);
    expect(r.json.cohort).toMatchObject({ slug: cohortA.slug, attempts: 2, score_percentile: 75 });
  });

  it("lets a learner see their own, and hides other learners (404) from learners and other mentors", async () => {
    expect((await call(benchmarksGET, { token: a1.token, path: "/x?mission=TEST-01" })).json.attempt.score).toBe(90);
    expect((await call(benchmarksGET, { token: a1.token, path: `/x?mission=TEST-01&learner=${a2.id}` })).status).toBe(404);
    expect((await call(benchmarksGET, { token: mentorA.token, path: `/x?mission=TEST-01&learner=${b1.id}` })).status).toBe(404);
    expect((await call(benchmarksGET, { token: mentorA.token, path: `/x?mission=TEST-01&learner=${a2.id}` })).status).toBe(200);
    expect((await call(benchmarksGET, { token: admin.token, path: `/x?learner=${a2.id}` })).status).toBe(400);
  });
});

describe("enterprise cohort dashboard", () => {
  it("shows the viewer's own cohort with members, completion, at-risk learners and skill mastery", async () => {
    const [p] = await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, a1.id));
    const [rv] = await db.insert(reviews).values({ progressId: p.id, mentorId: mentorA.id, basedOnVersion: 1, outcome: "approved", score: 90, passed: true }).returning();
    await db.insert(reviewScores).values([
      { reviewId: rv.id, criterionKey: "triage-quality", stageKey: "triage", levelIndex: 1, points: 2, maxPoints: 2 },
      { reviewId: rv.id, criterionKey: "detect-quality", stageKey: "detect", levelIndex: 0, points: 0, maxPoints: 4 },
    ]);
    const r = await call(dashboardGET, { token: enterpriseA.token, params: { cohort: cohortA.slug } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ members: 2, active_learners: 2, attempts: 3, missions_completed_by_tier: { beginner: 1, intermediate: 0 } });
    expect(r.json.completion_rate).toBeCloseTo(2 / 3);
    const skills = Object.fromEntries(r.json.skill_mastery.map((s: { skill: string; mastery: number }) => [s.skill, s.mastery]));
    expect(skills["ioc-extraction"]).toBe(1);
    expect(skills.sigma).toBe(0);
    expect(r.json.learners.map((l: { name: string }) => l.name)).toEqual(["Abe Two", "Ada One"]);
  });

  it("returns 404 for another organisation's cohort, 403 for learners and mentors", async () => {
    expect((await call(dashboardGET, { token: enterpriseA.token, params: { cohort: cohortB.slug } })).status).toBe(404);
    expect((await call(dashboardGET, { token: enterpriseA.token, params: { cohort: cohortB.id } })).status).toBe(404);
    expect((await call(dashboardGET, { token: enterpriseA.token, params: { cohort: "no-such-cohort" } })).status).toBe(404);
    expect((await call(dashboardGET, { token: learner.token, params: { cohort: cohortA.slug } })).status).toBe(403);
    expect((await call(dashboardGET, { token: mentorA.token, params: { cohort: cohortA.slug } })).status).toBe(403);
    expect((await call(dashboardGET, { token: admin.token, params: { cohort: cohortB.slug } })).status).toBe(200);
  });

  it("exports the members as CSV", async () => {
    const r = await call(dashboardGET, { token: enterpriseA.token, path: "/x?format=csv", params: { cohort: cohortA.slug } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (r.json as string).trim().split("\r\n");
    expect(lines[0]).toMatch(/^name,email,joined_at,attempts/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Abe Two,/);
  });
});

describe("xAPI export", () => {
  it("is admin only and pages through statements with a cursor", async () => {
    expect((await call(xapiGET, { token: enterpriseA.token })).status).toBe(403);
    const first = await call(xapiGET, { token: admin.token, path: "/x?limit=4" });
    expect(first.status).toBe(200);
    expect(first.json.statements).toHaveLength(4);
    expect(first.json.statements[0]).toMatchObject({ actor: { account: { name: learner.id } }, context: { registration: expect.any(String) } });
    const second = await call(xapiGET, { token: admin.token, path: `/x?limit=4&cursor=${first.json.next_cursor}` });
    expect(second.json.statements).toHaveLength(3);
    expect(second.json.next_cursor).toBeNull();
    const ids = new Set([...first.json.statements, ...second.json.statements].map((s: { id: string }) => s.id));
    expect(ids.size).toBe(7);
    expect((await call(xapiGET, { token: admin.token, path: "/x?cursor=garbage" })).status).toBe(400);
  });
});

describe("rollup", () => {
  // The admin views read the all-time buckets (analytics_totals) when undated. A date range that
  // holds every test attempt (they started 20 days ago) but ends before now sums its daily buckets
  // (analytics_daily) when it is whole days, and sums the facts of the attempts in range (live) when it
  // is not. All three must give the same figures, before and after writes.
  const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const ranged = `from=2000-01-01&to=${yesterday}`;
  const live = `from=2000-01-01&to=${yesterday}T00:00:00.001Z`;
  const same = async (filters: string, token = admin.token) => {
    const sep = filters ? "&" : "";
    const answers = [
      await call(performanceGET, { token, path: `/x?${filters}` }),
      await call(performanceGET, { token, path: `/x?${filters}${sep}${ranged}` }),
      await call(performanceGET, { token, path: `/x?${filters}${sep}${live}` }),
    ].map((r) => {
      expect(r.status).toBe(200);
      const { filters: _f, as_of: _o, ...figures } = r.json;
      return figures;
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    return answers[0];
  };

  it("gives the admin dashboards exactly what the live queries give, for every filter", async () => {
    const all = await same("");
    expect(all.kpis.attempts).toBeGreaterThanOrEqual(5);
    await same("mission=TEST-01");
    await same("track=defender");
    await same("tier=beginner&track=defender");
    // Cohort and organisation scopes: an admin's cohort filter, an enterprise viewer's whole view and
    // their cohort filter, a mentor's filter on the cohort they mentor.
    expect((await same(`cohort=${cohortA.slug}`)).kpis.attempts).toBe(3);
    expect((await same("", enterpriseA.token)).kpis.attempts).toBe(3);
    await same(`cohort=${cohortA.slug}&tier=beginner`, enterpriseA.token);
    expect((await same("", enterpriseB.token)).kpis.learners).toBe(1);
    await same(`cohort=${cohortA.slug}`, mentorA.token);
    const heat = await call(heatmapGET, { token: admin.token });
    for (const dates of [ranged, live]) {
      const other = await call(heatmapGET, { token: admin.token, path: `/x?${dates}` });
      expect(other.json.track_tier).toEqual(heat.json.track_tier);
      expect(other.json.mission_stage).toEqual(heat.json.mission_stage);
    }
  });

  it("follows every kind of write: attempts, submissions, decisions, hints, tools, completions, deletions", async () => {
    const before = await same("mission=TEST-01");
    const newcomer = await makeUser("learner");
    const id = await attempt(newcomer, { path: ["triage", "contain", "detect", "report"], score: 100, passed: true, minutes: 30, choices: [["respond", "block"]], hints: 1, tools: ["jq"] });
    const after = await same("mission=TEST-01");
    expect(after.kpis).toMatchObject({ attempts: before.kpis.attempts + 1, learners: before.kpis.learners + 1, passed: before.kpis.passed + 1 });
    expect(after.tools.find((t: { tool: string }) => t.tool === "jq")).toMatchObject({ uses: 1, attempts: 1, mean_score: 100 });
    expect(after.hints.hints_unlocked).toBe(before.hints.hints_unlocked + 1);
    // A review changes the score of an existing attempt: the rollup follows.
    await db.update(missionProgress).set({ score: 10, passed: false }).where(eq(missionProgress.id, id));
    const rescored = await same("mission=TEST-01");
    expect(rescored.kpis.passed).toBe(before.kpis.passed);
    expect(rescored.tools.find((t: { tool: string }) => t.tool === "jq").mean_score).toBe(10);
    // Last-activity bumps alone do not mark the mission (they change no figure).
    await db.execute(sql`delete from analytics_changes`);
    await db.update(missionProgress).set({ lastActivityAt: new Date() }).where(eq(missionProgress.id, id));
    expect((await rows<{ n: number }>(db, sql`select count(*)::int as n from analytics_changes`))[0].n).toBe(0);
    // Deleting the attempt (and, by cascade, its children) takes it out again.
    await db.delete(missionProgress).where(eq(missionProgress.id, id));
    const gone = await same("mission=TEST-01");
    expect(gone.kpis.attempts).toBe(before.kpis.attempts);
    expect(gone.tools.find((t: { tool: string }) => t.tool === "jq")).toBeUndefined();
  });

  it("loses no write to consumers running at the same time (the next read is exact)", async () => {
    const before = await same("mission=TEST-01");
    const learners = await Promise.all(Array.from({ length: 6 }, () => makeUser("learner")));
    // Writes (an attempt is several statements), dashboard reads and bare consumer runs, all at once.
    await Promise.all(
      learners.flatMap((u, i) => [
        attempt(u, { path: ["triage", "contain", "detect", "report"], score: 50 + i, passed: true, minutes: 30 + i, tools: ["nmap"], hints: 1 }),
        call(performanceGET, { token: admin.token, path: "/x?mission=TEST-01" }),
        applyChanges(),
      ]),
    );
    const after = await same("mission=TEST-01");
    expect(after.kpis.attempts).toBe(before.kpis.attempts + 6);
    expect(after.tools.find((t: { tool: string }) => t.tool === "nmap")).toMatchObject({ uses: 6, attempts: 6 });
    expect(after.hints.hints_unlocked).toBe(before.hints.hints_unlocked + 6);
  });

  it("moves a learner's figures with them when they join or leave a cohort", async () => {
    const before = await same(`cohort=${cohortA.slug}`);
    const mover = await makeUser("learner");
    await attempt(mover, { path: ["triage", "contain", "detect", "report"], score: 75, passed: true, minutes: 45 });
    expect((await same(`cohort=${cohortA.slug}`)).kpis.attempts).toBe(before.kpis.attempts);
    await db.execute(sql`insert into cohort_members (cohort_id, user_id) values (${cohortA.id}, ${mover.id})`);
    const joined = await same(`cohort=${cohortA.slug}`);
    expect(joined.kpis).toMatchObject({ attempts: before.kpis.attempts + 1, learners: before.kpis.learners + 1 });
    expect((await same("", enterpriseA.token)).kpis.attempts).toBe(before.kpis.attempts + 1);
    await db.execute(sql`delete from cohort_members where cohort_id = ${cohortA.id} and user_id = ${mover.id}`);
    expect((await same(`cohort=${cohortA.slug}`)).kpis.attempts).toBe(before.kpis.attempts);
    expect((await same("", enterpriseA.token)).kpis.attempts).toBe(before.kpis.attempts);
  });

  it("serves a date range that holds every attempt, and new ones, from the rollup; a narrower one of whole days from a kept range; others live", async () => {
    const caller = { id: admin.id, role: "admin", organisationId: null } as never;
    const scope = (filter: Record<string, string>) => resolveScope({ caller, filter, abandonDays: 7 });
    expect(rollupScope(await scope({ from: "2000-01-01" }))).toEqual({ scope: "" });
    expect(rollupScope(await scope({ from: "2000-01-01", to: "2999-12-31" }))).toEqual({ scope: "" });
    expect(rollupScope(await scope({ from: "2000-01-01", to: yesterday }))).toEqual({ scope: "", fromDay: "2000-01-01", toDay: new Date(Date.parse(yesterday) + DAY).toISOString().slice(0, 10) });
    expect(rollupScope(await scope({ from: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10) }))).toEqual({ scope: "", fromDay: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), toDay: undefined });
    expect(usesRollup(await scope({ from: `${yesterday}T06:30:00Z` }))).toBe(false);
    // Same figures either way, and the answer still echoes the dates asked for.
    const wide = await call(performanceGET, { token: admin.token, path: "/x?from=2000-01-01" });
    expect(wide.json.filters.from).toBe("2000-01-01T00:00:00.000Z");
    const { filters: _a, as_of: _oa, ...wideFigures } = wide.json;
    const { filters: _b, as_of: _ob, ...undated } = (await call(performanceGET, { token: admin.token })).json;
    expect(wideFigures).toEqual(undated);
  });

  it("answers a range of whole days from its daily buckets exactly: only its attempts, following writes like any scope", async () => {
    const since = new Date(Date.now() - 4 * DAY).toISOString().slice(0, 10);
    const recent = `mission=TEST-01&from=${since}`;
    const recentLive = `mission=TEST-01&from=${since}T00:00:00.001Z`;
    const figures = async (q: string) => {
      const r = await call(performanceGET, { token: admin.token, path: `/x?${q}` });
      expect(r.status).toBe(200);
      const { filters: _f, as_of: _o, ...rest } = r.json;
      return rest;
    };
    const before = await figures(recent);
    expect(before).toEqual(await figures(recentLive));
    // An attempt started 3 days ago counts in the range; one started 20 days ago does not.
    const u = await makeUser("learner");
    await attempt(u, { path: ["triage", "contain", "detect", "report"], score: 64, passed: true, minutes: 20, tools: ["zeek"], startedDaysAgo: 3 });
    await attempt(u, { path: ["triage"], tools: ["zeek"] });
    const after = await figures(recent);
    expect(after.kpis).toMatchObject({ attempts: before.kpis.attempts + 1, learners: before.kpis.learners + 1, median_score: expect.any(Number) });
    expect(after.tools.find((t: { tool: string }) => t.tool === "zeek")).toMatchObject({ uses: 1, attempts: 1, mean_score: 64 });
    expect(after).toEqual(await figures(recentLive));
  });

  it("counts a learner of two missions in both track × tier cells of a range after a write to one of them", async () => {
    // Distinct learners per track/tier filter come from analytics_learner_days; applying a change to one
    // mission must not drop what a learner counts for in another.
    const [other] = await db
      .insert(missions)
      .values({ code: "TOFF-02", title: "Other cell", track: "offensive", tier: "advanced", story: "s", objectives: ["o"], estimatedMinutes: 30, skills: ["s"], successCriteria: { min_score: 60, required_stages: [], items: [] }, contentHash: "x" })
      .returning();
    const u = await makeUser("learner");
    await db.insert(missionProgress).values({ userId: u.id, missionId: other.id, missionVersion: 1, attempt: 1, state: "in_progress", path: ["a"], startedAt: new Date(Date.now() - 20 * DAY) });
    const offensive = (await same("track=offensive")).kpis.learners;
    expect(offensive).toBeGreaterThanOrEqual(1);
    await attempt(u, { path: ["triage"] });
    expect((await same("track=offensive")).kpis.learners).toBe(offensive);
  });

  it("applies the logged changes for a scheduler or an admin through the jobs endpoint, and for nobody else", async () => {
    await applyChanges();
    await db.insert(toolsUsed).values({ progressId: await attempt(await makeUser("learner"), { path: ["triage"] }), stageKey: "triage", tool: "tcpdump" });
    expect((await call(refreshJob.POST, { method: "POST" })).status).toBe(401);
    expect((await call(refreshJob.POST, { method: "POST", token: learner.token })).status).toBe(403);
    expect((await call(refreshJob.POST, { method: "POST", token: mentorA.token })).status).toBe(403);
    expect((await call(refreshJob.POST, { method: "POST", headers: { "x-cron-secret": "guess" } })).status).toBe(401);
    process.env.SORTIE_CRON_SECRET = "cron-secret-for-tests";
    try {
      const r = await call(refreshJob.POST, { method: "POST", headers: { "x-cron-secret": "cron-secret-for-tests" } });
      expect(r.status).toBe(200);
      expect(r.status).toBe(200);
      // The attempt's insert, its child row and the tool: three changes of one attempt.
      expect(r.json).toEqual({ changes_applied: expect.any(Number), attempts_applied: 1 });
      expect(r.json.changes_applied).toBeGreaterThanOrEqual(2);
    } finally {
      delete process.env.SORTIE_CRON_SECRET;
    }
    expect((await rows<{ n: number }>(db, sql`select count(*)::int as n from analytics_changes`))[0].n).toBe(0);
    expect((await call(refreshJob.POST, { method: "POST", token: admin.token })).json).toEqual({ changes_applied: 0, attempts_applied: 0 });
  });

  it("applies only the attempts changed since the last run, and a rebuild gives the same rows", async () => {
    await applyChanges();
    expect((await applyChanges()).attempts).toBe(0);
    await db.insert(toolsUsed).values({ progressId: await attempt(await makeUser("learner"), { path: ["triage"] }), stageKey: "triage", tool: "yara" });
    expect((await applyChanges()).attempts).toBe(1);
    const snapshot = async () => ({
      daily: await rows(db, sql`select scope, kind, mission_id::text, day::text, key, sub, value, n, n2, n3, trim_scale(total)::text as total from analytics_daily order by 1, 2, 3, 4, 5, 6, 7`),
      totals: await rows(db, sql`select scope, kind, mission_id::text, key, sub, value, n, n2, n3, trim_scale(total)::text as total from analytics_totals order by 1, 2, 3, 4, 5, 6`),
      learners: await rows(db, sql`select scope, mission_id::text, day::text, user_id::text, n from analytics_learner_days order by 1, 2, 3, 4`),
    });
    const incremental = await snapshot();
    await rebuildAggregates();
    expect(await snapshot()).toEqual(incremental);
  });
});

describe("analytics maintenance job", () => {
  it("applies what changed without any dashboard read", async () => {
    await applyChanges();
    const marks = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from analytics_changes`))[0].n;
    await db.insert(toolsUsed).values({ progressId: await attempt(await makeUser("learner"), { path: ["triage"] }), stageKey: "triage", tool: "volatility" });
    expect(await marks()).toBeGreaterThan(0);
    // The run vacuums the change log it deleted from (dashboards read its head: see vacuumChangeLog).
    const vacuums = async () => (await rows<{ n: number }>(db, sql`select (vacuum_count + autovacuum_count)::int as n from pg_stat_user_tables where relname = 'analytics_changes'`))[0].n;
    const vacuumedBefore = await vacuums();
    const result = await maintainAnalytics();
    expect(result.attempts_applied).toBe(1);
    expect(await marks()).toBe(0);
    expect(await vacuums()).toBeGreaterThan(vacuumedBefore);
    // The tool is in the aggregates without any dashboard read.
    const [tool] = await rows<{ n: number }>(db, sql`select sum(n)::int as n from analytics_daily where scope = '' and kind = 'tool' and key = 'volatility'`);
    expect(tool.n).toBe(1);
    // Nothing changed since: a second run applies nothing.
    expect((await maintainAnalytics()).attempts_applied).toBe(0);
  });
});

describe("weighted percentiles", () => {
  it("equal percentile_cont over the expanded values, ties and single values included", async () => {
    const samples = [[5], [1, 2], [3, 3, 3, 9], [10, 20, 20, 30, 41.5, 41.5, 100], [7, 7, 7, 7]];
    for (const values of samples) {
      const counts = [...new Set(values)].map((v) => ({ v, n: values.filter((x) => x === v).length }));
      const hist = sql.join(counts.map((c) => sql`(''::text, ${c.v}::float8, ${c.n}::int)`), sql`, `);
      const [got] = await rows<{ p10: number; p50: number; p90: number; count: number }>(
        db,
        weightedPercentiles(sql`(select * from (values ${hist}) h(g, value, n))`, { p10: 0.1, p50: 0.5, p90: 0.9 }),
      );
      const list = sql.join(values.map((v) => sql`(${v}::float8)`), sql`, `);
      const [want] = await rows<{ p10: number; p50: number; p90: number }>(
        db,
        sql`select percentile_cont(0.1) within group (order by x) as p10, percentile_cont(0.5) within group (order by x) as p50,
              percentile_cont(0.9) within group (order by x) as p90 from (values ${list}) v(x)`,
      );
      expect(Number(got.count)).toBe(values.length);
      for (const k of ["p10", "p50", "p90"] as const) expect(Number(got[k])).toBeCloseTo(Number(want[k]), 9);
    }
  });
});

describe("rolled-up answers kept per rollup version", () => {
  // Without as_of: the time up to which writes are counted moves with the clock when none waits.
  const figures = async (path = "/x?mission=TEST-01", token = admin.token) => {
    const r = await call(performanceGET, { token, path });
    expect(r.status).toBe(200);
    expect(Date.parse(r.json.as_of)).toBeLessThanOrEqual(Date.now());
    const { as_of: _o, ...rest } = r.json;
    return rest;
  };

  it("serves the same answer while nothing changes, and the new one as soon as a write lands", async () => {
    const first = await figures();
    const version = await aggregatesVersion();
    expect(await figures()).toEqual(first);
    expect(await aggregatesVersion()).toBe(version);
    await attempt(await makeUser("learner"), { path: ["triage", "contain", "detect", "report"], score: 12, passed: false, minutes: 5, tools: ["memo-probe"] });
    const after = await figures();
    expect(await aggregatesVersion()).not.toBe(version);
    expect(after.kpis.attempts).toBe(first.kpis.attempts + 1);
    expect(after.tools.find((t: { tool: string }) => t.tool === "memo-probe")).toMatchObject({ uses: 1, mean_score: 12 });
    const heat = await call(heatmapGET, { token: admin.token });
    const cell = heat.json.track_tier.find((c: { track: string; tier: string }) => c.track === "defender" && c.tier === "beginner");
    expect(cell.attempts).toBe(after.kpis.attempts);
  });

  it("counts an attempt whose last activity moves back past the idle days as abandoned, and nothing else changes", async () => {
    // (Going idle with the clock alone, without any write: abandoned.int.test.ts.)
    const id = await attempt(await makeUser("learner"), { path: ["triage", "contain", "detect"] });
    const before = await figures();
    await db.update(missionProgress).set({ lastActivityAt: new Date(Date.now() - 30 * DAY) }).where(eq(missionProgress.id, id));
    const after = await figures();
    expect(after.kpis.abandoned).toBe(before.kpis.abandoned + 1);
    expect(after.drop_off.find((d: { stage: string }) => d.stage === "detect")).toMatchObject({ abandoned: 1 });
    // Everything else is the kept answer.
    expect({ ...after, kpis: before.kpis, drop_off: before.drop_off }).toEqual(before);
  });

  it("shows a content import's new stage titles on the next read", async () => {
    const before = await figures();
    expect(before.funnel.find((s: { key: string }) => s.key === "stage-1").label).toMatch(/Triage/);
    const retitled = { ...fixtureMission, stages: fixtureMission.stages.map((st) => (st.key === "triage" ? { ...st, title: "Initial triage" } : st)) };
    await importPack(fixturePack({ missions: [retitled] }));
    try {
      const after = await figures();
      expect(after.funnel.find((s: { key: string }) => s.key === "stage-1").label).toMatch(/Initial triage/);
      const heat = await call(heatmapGET, { token: admin.token });
      const stages = heat.json.mission_stage.find((m: { mission: string }) => m.mission === "TEST-01").stages;
      expect(stages.find((st: { stage: string }) => st.stage === "triage").title).toBe("Initial triage");
    } finally {
      await importPack(fixturePack());
    }
  });

  it("keeps the cohort dashboard's attempt figures only until a review, a rubric score or an attempt lands", async () => {
    const dashboard = async () => {
      const r = await call(dashboardGET, { token: enterpriseA.token, params: { cohort: cohortA.slug } });
      expect(r.status).toBe(200);
      const { as_of: _o, ...rest } = r.json;
      return rest;
    };
    const skill = (d: { skill_mastery: { skill: string; mastery: number; scores: number; learners: number }[] }, name: string) => d.skill_mastery.find((x) => x.skill === name);
    const before = await dashboard();
    expect(await dashboard()).toEqual(before);
    // A review of a2's failed attempt written on its own (no change to the attempt row).
    const [p] = await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, a2.id)).orderBy(missionProgress.attempt).limit(1);
    const [rv] = await db.insert(reviews).values({ progressId: p.id, mentorId: mentorA.id, basedOnVersion: 7, outcome: "failed", score: 40, passed: false }).returning();
    await db.insert(reviewScores).values({ reviewId: rv.id, criterionKey: "report-quality", stageKey: "report", levelIndex: 1, points: 2, maxPoints: 2 });
    const reviewed = await dashboard();
    expect(skill(reviewed, "communication")).toMatchObject({ scores: (skill(before, "communication")?.scores ?? 0) + 1 });
    // A rubric score corrected in place.
    await db.update(reviewScores).set({ points: 0 }).where(eq(reviewScores.reviewId, rv.id));
    const corrected = await dashboard();
    expect(skill(corrected, "communication")!.mastery).toBeLessThan(skill(reviewed, "communication")!.mastery);
    // A new attempt of a cohort member.
    await attempt(a1, { path: ["triage", "contain", "report"], score: 80, passed: true, minutes: 40 });
    const attempted = await dashboard();
    expect(attempted.attempts).toBe(before.attempts + 1);
    expect(attempted.learners.find((l: { name: string }) => l.name === "Ada One").attempts).toBe(before.learners.find((l: { name: string }) => l.name === "Ada One").attempts + 1);
  });

  it("keeps the cohort dashboard's figures across writes about other cohorts, and only until its own cohort's data changes", async () => {
    const version = () => scopeVersion(`cohort:${cohortA.id}`);
    await applyChanges();
    const before = await version();
    const everything = await aggregatesVersion();
    // A write about cohort B's learner moves the aggregates on, not cohort A's figures.
    await attempt(b1, { path: ["triage", "contain"], score: 55, passed: false, minutes: 25 });
    await applyChanges();
    expect(await aggregatesVersion()).not.toBe(everything);
    expect(await version()).toBe(before);
    // One about a member of cohort A does.
    await attempt(a2, { path: ["triage", "contain", "report"], score: 66, passed: true, minutes: 50 });
    await applyChanges();
    expect(await version()).not.toBe(before);
  });

  it("echoes who is asking even when the figures are shared: the same cohort for an admin, its mentor and its organisation", async () => {
    const path = `/x?cohort=${cohortA.slug}`;
    const asAdmin = await figures(path);
    const asMentor = await figures(path, mentorA.token);
    const asViewer = await figures(path, enterpriseA.token);
    expect([asAdmin.filters.scope, asMentor.filters.scope, asViewer.filters.scope]).toEqual(["all", "mentor_learners", "organisation_cohorts"]);
    expect(asMentor.kpis).toEqual(asAdmin.kpis);
    expect(asViewer.funnel).toEqual(asAdmin.funnel);
  });
});
