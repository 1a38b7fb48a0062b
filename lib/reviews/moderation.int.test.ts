import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionsMade, evidence, mentorAssignments, missionModeration, missionProgress, missions, moderations, portfolioItems, reviewMarks, reviews, stageCompletions } from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { GET as queueRoute } from "@/app/api/v1/reviews/queue/route";
import { GET as detailRoute, POST as reviewRoute } from "@/app/api/v1/reviews/[progress]/route";
import { GET as moderationGet, POST as moderationPost } from "@/app/api/v1/reviews/[progress]/moderation/route";
import { GET as calibrationRoute } from "@/app/api/v1/reviews/calibration/route";
import { GET as settingsRoute } from "@/app/api/v1/reviews/double-marking/route";
import { PUT as setRoute } from "@/app/api/v1/reviews/double-marking/[mission]/route";
import { completionView, reviewForLearner } from "@/lib/reviews/results";
import { isSampled } from "./moderation-rules";
import { pairTable, weightedKappa } from "./kappa";

let missionId: string;
let mentor: TestUser; // first mentor of the cohort
let second: TestUser; // a second mentor of the same cohort
let stranger: TestUser; // a mentor of another cohort
let admin: TestUser;
let otherAdmin: TestUser;
let enterprise: TestUser;
const learners: TestUser[] = [];

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  mentor = await makeUser("mentor", { name: "Mira First" });
  second = await makeUser("mentor", { name: "Sam Second" });
  stranger = await makeUser("mentor", { name: "Stan Stranger" });
  admin = await makeUser("admin", { name: "Ada Admin" });
  otherAdmin = await makeUser("admin", { name: "Ola Admin" });
  for (let i = 0; i < 8; i++) learners.push(await makeUser("learner", { name: `Learner ${i}` }));
  const { cohort, org } = await makeCohort({ learners, mentor });
  await db.insert(mentorAssignments).values({ mentorId: second.id, cohortId: cohort.id });
  await makeCohort({ learners: [await makeUser("learner")], mentor: stranger });
  enterprise = await makeUser("enterprise", { organisationId: org.id });
});

let nextLearner = 0;
/** A submitted TEST-01 attempt of a fresh learner (triage → contain → report). */
async function submission() {
  const user = learners[nextLearner++ % learners.length];
  await db.update(missionProgress).set({ state: "expired" }).where(and(eq(missionProgress.userId, user.id), inArray(missionProgress.state, ["in_progress", "submitted", "in_review", "changes_requested"])));
  const n = (await db.select({ id: missionProgress.id }).from(missionProgress).where(eq(missionProgress.userId, user.id))).length;
  const [p] = await db
    .insert(missionProgress)
    .values({ userId: user.id, missionId, missionVersion: 1, attempt: n + 1, state: "submitted", path: ["triage", "contain", "report"], submittedAt: new Date(), reflection: "I triaged, contained and reported.", version: 3 })
    .returning();
  await db.insert(stageCompletions).values([
    { progressId: p.id, stageKey: "triage", notes: "203.0.113.45 made 40 failures." },
    { progressId: p.id, stageKey: "contain", notes: "Blocked at the edge." },
    { progressId: p.id, stageKey: "report", notes: "Brief sent." },
  ]);
  await db.insert(decisionsMade).values([
    { progressId: p.id, decisionKey: "respond", choiceKey: "block", scoreDelta: 5 },
    { progressId: p.id, decisionKey: "detect-or-report", choiceKey: "report", scoreDelta: 0 },
  ]);
  await db.insert(evidence).values({ progressId: p.id, userId: user.id, stageKey: "triage", kind: "file", fileName: "auth.log", contentType: "text/plain", size: 10, sha256: "b".repeat(64), storageKey: `k-${p.id}` });
  return { p, user };
}

const levels = (contain: number | string) => [
  { criterion: "triage-quality", level: 1 },
  { criterion: "contain-quality", level: contain },
  { criterion: "report-quality", level: 1 },
];
const approve = (feedback = "First mentor: solid work.") => ({ version: 3, outcome: "approved", scores: levels(1), feedback });
const fail = (feedback = "Second mentor: the containment is not shown.") => ({ version: 3, outcome: "failed", scores: levels(0), feedback });

async function setRate(percent: number, threshold = 10) {
  const r = await call(setRoute, { method: "PUT", token: admin.token, params: { mission: "TEST-01" }, body: { double_marking_percent: percent, threshold_points: threshold } });
  expect(r.status).toBe(200);
  return r.json;
}

describe("double-marking settings", () => {
  it("an admin sets a mission's rate and threshold; others are refused; bad values name the field", async () => {
    const set = await setRate(25, 12);
    expect(set).toMatchObject({ mission: { code: "TEST-01" }, double_marking_percent: 25, threshold_points: 12 });
    const list = await call(settingsRoute, { token: admin.token });
    expect(list.json.items.find((i: { mission: { code: string } }) => i.mission.code === "TEST-01")).toMatchObject({ double_marking_percent: 25 });
    for (const who of [mentor, learners[0], enterprise]) {
      expect((await call(setRoute, { method: "PUT", token: who.token, params: { mission: "TEST-01" }, body: { double_marking_percent: 50 } })).status).toBe(403);
      expect((await call(settingsRoute, { token: who.token })).status).toBe(403);
    }
    const bad = await call(setRoute, { method: "PUT", token: admin.token, params: { mission: "TEST-01" }, body: { double_marking_percent: 150 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.double_marking_percent).toMatch(/0 to 100/);
    expect((await call(setRoute, { method: "PUT", token: admin.token, params: { mission: "NOPE-99" }, body: { double_marking_percent: 10 } })).status).toBe(404);
  });
});

describe("sampling", () => {
  it("double-marks exactly the set share of first marks, the n-th when ⌊n·rate⌋ steps up", async () => {
    await setRate(40);
    const [{ n0 }] = await db.select({ n0: missionModeration.firstMarks }).from(missionModeration).where(eq(missionModeration.missionId, missionId));
    const released: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const { p } = await submission();
      const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() });
      expect(r.status).toBe(201);
      released.push(r.json.released);
    }
    const expected = [1, 2, 3, 4, 5].map((i) => !isSampled(n0 + i, 40));
    expect(released).toEqual(expected);
    expect(released.filter((x) => !x).length).toBe(2);
  });

  it("at 0% nothing is double-marked", async () => {
    await setRate(0);
    const { p } = await submission();
    const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() });
    expect(r.json).toMatchObject({ released: true, moderation: null, progress: { state: "approved" } });
  });
});

describe("blind second marking", () => {
  it("keeps each mentor's marks from the other, and releases the first review when the marks agree", async () => {
    await setRate(100);
    const { p, user } = await submission();
    await call(detailRoute, { token: mentor.token, params: { progress: p.id } });
    const first = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve("First mentor: solid work.") });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ released: false, moderation: { status: "second_marking" }, progress: { state: "in_review", version: 3 }, portfolio_item: null });
    // One transaction: the marks, the moderation row, nothing released.
    expect(await db.select().from(reviewMarks).where(eq(reviewMarks.progressId, p.id))).toHaveLength(1);
    expect(await db.select().from(reviews).where(eq(reviews.progressId, p.id))).toHaveLength(0);

    // The learner sees no review yet.
    expect(await reviewForLearner({ caller: user, progressId: p.id })).toBeNull();
    expect((await completionView({ caller: user, missionIdOrCode: "TEST-01" })).review).toBeNull();

    // The first mentor: their own marks, cannot mark again, the submission leaves their queue.
    const mine = await call(detailRoute, { token: mentor.token, params: { progress: p.id } });
    expect(mine.json.moderation).toMatchObject({ status: "second_marking", your_mark: { round: 1, outcome: "approved" }, can_mark: false });
    expect(mine.json.progress.reviewable).toBe(false);
    expect((await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() })).status).toBe(409);
    expect((await call(queueRoute, { token: mentor.token })).json.items.map((i: { progress_id: string }) => i.progress_id)).not.toContain(p.id);

    // The second mentor: told it is double-marked, shown nothing of the first marks.
    const queue = await call(queueRoute, { token: second.token });
    expect(queue.json.items.find((i: { progress_id: string }) => i.progress_id === p.id)).toMatchObject({ moderation: "second_marking" });
    const theirs = await call(detailRoute, { token: second.token, params: { progress: p.id } });
    expect(theirs.json.moderation).toEqual({ status: "second_marking", your_mark: null, can_mark: true });
    expect(theirs.json.progress.reviewable).toBe(true);
    expect(theirs.json.reviews).toEqual([]);
    expect(JSON.stringify(theirs.json)).not.toContain("First mentor");

    // Agreeing marks (same levels and outcome): the first mentor's review is released, once.
    const agree = await call(reviewRoute, { token: second.token, params: { progress: p.id }, body: approve("Second mentor: agreed.") });
    expect(agree.status).toBe(201);
    expect(agree.json).toMatchObject({ released: true, moderation: { status: "final" }, progress: { state: "approved", version: 4 } });
    expect(agree.json.portfolio_item).not.toBeNull();
    const seen = await reviewForLearner({ caller: user, progressId: p.id });
    expect(seen).toMatchObject({ outcome: "approved", feedback: "First mentor: solid work.", mentor: { name: "Mira First" } });
    // The first mentor never sees the second's marks: the released history holds the final review only.
    const after = await call(detailRoute, { token: mentor.token, params: { progress: p.id } });
    expect(after.json.moderation).toBeNull();
    expect(JSON.stringify(after.json)).not.toContain("Second mentor");
  });

  it("denies an unassigned mentor (404), a learner (403) and an enterprise viewer (403)", async () => {
    await setRate(100);
    const { p, user } = await submission();
    await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() });
    expect((await call(detailRoute, { token: stranger.token, params: { progress: p.id } })).status).toBe(404);
    expect((await call(reviewRoute, { token: stranger.token, params: { progress: p.id }, body: approve() })).status).toBe(404);
    expect((await call(reviewRoute, { token: user.token, params: { progress: p.id }, body: approve() })).status).toBe(403);
    expect((await call(reviewRoute, { token: enterprise.token, params: { progress: p.id }, body: approve() })).status).toBe(403);
    for (const who of [mentor, second, user, enterprise]) {
      expect((await call(moderationGet, { token: who.token, params: { progress: p.id } })).status).toBe(403);
      expect((await call(moderationPost, { token: who.token, params: { progress: p.id }, body: { version: 3, base: "first" } })).status).toBe(403);
    }
    // Blind until the second mark: not even an admin sees the first marks yet.
    expect((await call(moderationGet, { token: admin.token, params: { progress: p.id } })).status).toBe(409);
  });
});

describe("moderation", () => {
  it("marks that differ wait for an admin who picks the final marks; the learner sees the review only then", async () => {
    await setRate(100, 10);
    const { p, user } = await submission();
    expect((await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() })).json.released).toBe(false);
    const disagree = await call(reviewRoute, { token: second.token, params: { progress: p.id }, body: fail() });
    expect(disagree.status).toBe(201);
    expect(disagree.json).toMatchObject({ released: false, moderation: { status: "moderation" }, progress: { state: "in_review" } });
    expect(JSON.stringify(disagree.json)).not.toContain("approved"); // the second mentor is not told the first outcome
    expect(await reviewForLearner({ caller: user, progressId: p.id })).toBeNull();
    // Neither mentor may mark again; the mentors' queues no longer list it, the admin's does.
    expect((await call(reviewRoute, { token: second.token, params: { progress: p.id }, body: fail() })).status).toBe(409);
    expect((await call(queueRoute, { token: second.token })).json.items.map((i: { progress_id: string }) => i.progress_id)).not.toContain(p.id);
    expect((await call(queueRoute, { token: admin.token })).json.items.find((i: { progress_id: string }) => i.progress_id === p.id)).toMatchObject({ moderation: "moderation" });

    const view = await call(moderationGet, { token: admin.token, params: { progress: p.id } });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ status: "moderation", version: 3, threshold_points: 10, learner: { id: user.id } });
    expect(view.json.reasons.join(" ")).toMatch(/outcomes differ/);
    expect(view.json.marks.map((m: { mentor: { name: string }; outcome: string }) => [m.mentor.name, m.outcome])).toEqual([
      ["Mira First", "approved"],
      ["Sam Second", "failed"],
    ]);
    expect(view.json.criteria.find((c: { key: string }) => c.key === "contain-quality")).toMatchObject({ first: 1, second: 0 });

    // A bad pick names its field; an approval that does not pass is refused (422); nothing is released.
    const bad = await call(moderationPost, { token: admin.token, params: { progress: p.id }, body: { version: 3, base: "first", scores: [{ criterion: "nope", level: 0 }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields["scores[0].criterion"]).toBeTruthy();
    expect((await call(moderationPost, { token: admin.token, params: { progress: p.id }, body: { version: 3, base: "first", scores: [{ criterion: "triage-quality", level: 0 }, { criterion: "contain-quality", level: 0 }, { criterion: "report-quality", level: 0 }] } })).status).toBe(422);
    expect(await reviewForLearner({ caller: user, progressId: p.id })).toBeNull();

    // The moderator takes the first review with the second mentor's level for containment, and requests changes.
    const decided = await call(moderationPost, {
      token: admin.token,
      params: { progress: p.id },
      body: { version: 3, base: "first", scores: [{ criterion: "contain-quality", level: 0 }], outcome: "changes_requested", feedback: "Moderated: show the firewall rule." },
    });
    expect(decided.status).toBe(201);
    expect(decided.json).toMatchObject({ released: true, moderation: { status: "final" }, progress: { state: "changes_requested" } });
    const seen = await reviewForLearner({ caller: user, progressId: p.id });
    expect(seen).toMatchObject({ outcome: "changes_requested", feedback: "Moderated: show the firewall rule.", mentor: { name: "Mira First" } });
    expect(seen!.scores.find((s) => s.criterion === "contain-quality")!.level).toBe(0);
    const [mod] = await db.select().from(moderations).where(eq(moderations.progressId, p.id));
    expect(mod).toMatchObject({ status: "final", moderatorId: admin.id, finalReviewId: seen!.id });
    // Decided once: a second decision is stale.
    expect((await call(moderationPost, { token: admin.token, params: { progress: p.id }, body: { version: 3, base: "second" } })).status).toBe(409);
    expect(await db.select().from(portfolioItems).where(eq(portfolioItems.progressId, p.id))).toHaveLength(0);
  });

  it("an admin who marked the submission cannot moderate it", async () => {
    await setRate(100);
    const { p } = await submission();
    await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: approve() });
    expect((await call(reviewRoute, { token: otherAdmin.token, params: { progress: p.id }, body: fail() })).json.moderation.status).toBe("moderation");
    const r = await call(moderationPost, { token: otherAdmin.token, params: { progress: p.id }, body: { version: 3, base: "second" } });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/another admin/);
  });
});

describe("calibration", () => {
  it("is for admins only", async () => {
    for (const who of [mentor, learners[0], enterprise]) expect((await call(calibrationRoute, { token: who.token })).status).toBe(403);
  });

  it("shows 'not enough data' under 10 pairs, kappa with its interval from 10, and each mentor's difference from the final marks", async () => {
    const before = await call(calibrationRoute, { token: admin.token });
    expect(before.status).toBe(200);
    const contain = before.json.criteria.find((c: { criterion: { key: string } }) => c.criterion.key === "contain-quality");
    expect(contain).toMatchObject({ not_enough_data: true, kappa: null, interval: null, levels: 2 });
    expect(contain.pairs).toBeLessThan(10);
    const first = before.json.mentors.find((m: { mentor: { name: string } }) => m.mentor.name === "Mira First");
    // Agreeing pair: 0 difference; moderated pair: first mentor approved higher than the final.
    expect(first.marks).toBeGreaterThanOrEqual(2);
    expect(first.mean_difference).toBeGreaterThan(0);
    expect(first.weeks[0]).toMatchObject({ marks: first.marks });
    expect(before.json.moderation.moderated).toBeGreaterThanOrEqual(1);

    // Twelve more pairs of the report criterion, written directly: kappa is the pure function's over every pair.
    const { p } = await submission();
    const extra: [number, number][] = [[1, 1], [1, 1], [1, 0], [0, 0], [1, 1], [0, 0], [1, 1], [0, 1], [1, 1], [1, 1], [0, 0], [1, 1]];
    for (const [i, [a, b]] of extra.entries()) {
      const [m] = await db.insert(moderations).values({ progressId: p.id, basedOnVersion: 100 + i, missionId, status: "moderation" }).returning();
      const mark = { moderationId: m.id, progressId: p.id, basedOnVersion: 100 + i, outcome: "approved", score: 50, passed: true, body: {} };
      await db.insert(reviewMarks).values([
        { ...mark, round: 1, mentorId: mentor.id, levels: { "report-quality": a } },
        { ...mark, round: 2, mentorId: second.id, levels: { "report-quality": b } },
      ]);
    }
    const after = await call(calibrationRoute, { token: admin.token });
    const report = after.json.criteria.find((c: { criterion: { key: string } }) => c.criterion.key === "report-quality");
    expect(report.pairs).toBeGreaterThanOrEqual(12);
    expect(report.not_enough_data).toBe(false);
    const [all] = [await db.select({ levels: reviewMarks.levels, round: reviewMarks.round, moderationId: reviewMarks.moderationId }).from(reviewMarks)];
    const pairs = new Map<string, [number, number]>();
    for (const r of all) if ("report-quality" in r.levels) {
      const pr = pairs.get(r.moderationId) ?? [-1, -1];
      pr[r.round - 1] = r.levels["report-quality"];
      pairs.set(r.moderationId, pr);
    }
    const both = [...pairs.values()].filter(([a, b]) => a >= 0 && b >= 0);
    const k = weightedKappa(pairTable(both, 2), "linear")!;
    expect(report.kappa).toBeCloseTo(k.kappa, 3);
    expect(report.interval.low).toBeCloseTo(k.low, 3);
    expect(report.interval.high).toBeCloseTo(k.high, 3);
  });
});
