import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import {
  decisionsMade,
  evidence,
  hintsUnlocked,
  mentorAssignments,
  missionProgress,
  missions,
  portfolioItems,
  reviewScores,
  reviews,
  stageCompletions,
  telemetryEvents,
} from "@/lib/db/schema";
import { call, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { GET as queueRoute } from "@/app/api/v1/reviews/queue/route";
import { GET as detailRoute, POST as reviewRoute } from "@/app/api/v1/reviews/[progress]/route";
import { GET as portfolioRoute } from "@/app/api/v1/portfolio/route";
import { PATCH as visibilityRoute } from "@/app/api/v1/portfolio/[item]/route";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { recordSecondOpinion } from "@/lib/reviews/second-opinion";
import { submissionForReview } from "@/lib/reviews/submission";
import { submitReview } from "@/lib/reviews/submit";
import { completionView, recentReviewsForLearner, reviewForLearner } from "@/lib/reviews/results";
import { publicPortfolioItem } from "@/lib/db/queries/portfolio";

let missionId: string;
let learner: TestUser;
let mentor: TestUser;
let otherMentor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  learner = await makeUser("learner", { name: "Lena Learner" });
  mentor = await makeUser("mentor", { name: "Mira Mentor" });
  otherMentor = await makeUser("mentor", { name: "Otto Other" });
  admin = await makeUser("admin");
  await makeCohort({ learners: [learner], mentor });
  await makeCohort({ learners: [await makeUser("learner")], mentor: otherMentor });
});

/** A submitted TEST-01 attempt: triage → (block) → contain → (report) → report, one hint, one file. */
async function makeSubmission(user: TestUser = learner, opts: { submittedMinutesAgo?: number } = {}) {
  // One live attempt per learner and mission: retire the previous test's attempt.
  await db
    .update(missionProgress)
    .set({ state: "expired" })
    .where(and(eq(missionProgress.userId, user.id), eq(missionProgress.missionId, missionId), inArray(missionProgress.state, ["in_progress", "submitted", "in_review"])));
  const prev = await db.select({ n: count() }).from(missionProgress).where(and(eq(missionProgress.userId, user.id), eq(missionProgress.missionId, missionId)));
  const submittedAt = new Date(Date.now() - (opts.submittedMinutesAgo ?? 30) * 60_000);
  const [p] = await db
    .insert(missionProgress)
    .values({
      userId: user.id,
      missionId,
      missionVersion: 1,
      attempt: prev[0].n + 1,
      state: "submitted",
      path: ["triage", "contain", "report"],
      submittedAt,
      reflection: "I found the attacker in the log and decided on containment quickly; next time I would write a detection.",
      hintPenalty: 2,
      decisionDelta: 5,
      prescore: { score: 72.5, items: [], answers: { triage: { verdict: "correct", reason: "Matches." } } },
      version: 3,
    })
    .returning();
  await db.insert(stageCompletions).values([
    { progressId: p.id, stageKey: "triage", notes: "203.0.113.45 made 40 failures: true positive.", answer: "203[.]0[.]113[.]45" },
    { progressId: p.id, stageKey: "contain", notes: "Blocked at the edge firewall." },
    { progressId: p.id, stageKey: "report", notes: "Brief sent to the manager." },
  ]);
  await db.insert(decisionsMade).values([
    { progressId: p.id, decisionKey: "respond", choiceKey: "block", scoreDelta: 5 },
    { progressId: p.id, decisionKey: "detect-or-report", choiceKey: "report", scoreDelta: 0 },
  ]);
  await db.insert(hintsUnlocked).values({ progressId: p.id, stageKey: "triage", level: 1, penalty: 2 });
  await db.insert(evidence).values({ progressId: p.id, userId: user.id, stageKey: "triage", kind: "file", fileName: "counts.txt", contentType: "text/plain", size: 120, sha256: "a".repeat(64), storageKey: `k-${p.id}` });
  const t0 = submittedAt.getTime() - 3_600_000;
  await db.insert(telemetryEvents).values([
    { eventId: crypto.randomUUID(), type: "stage.entered", userId: user.id, occurredAt: new Date(t0), progressId: p.id, missionId, stageKey: "triage" },
    { eventId: crypto.randomUUID(), type: "stage.left", userId: user.id, occurredAt: new Date(t0 + 600_000), progressId: p.id, missionId, stageKey: "triage" },
  ]);
  return p;
}

const goodScores = [
  { criterion: "triage-quality", level: 1, remark: "Right IP, with counts." },
  { criterion: "contain-quality", level: "Missing", remark: "No block shown." },
  { criterion: "report-quality", level: "good" },
];

function body(version: number, over: Record<string, unknown> = {}) {
  return { version, outcome: "approved", scores: goodScores, feedback: "Solid triage; show the firewall rule next time.", stage_feedback: { contain: "Paste the rule you added." }, recommended_recipes: ["brief-stakeholders"], ...over };
}

describe("review queue", () => {
  it("lists the mentor's learners' submissions oldest first with pre-score and waiting time; not other mentors' learners", async () => {
    const newer = await makeSubmission(learner, { submittedMinutesAgo: 5 });
    const stranger = await makeUser("learner");
    await makeCohort({ learners: [stranger] });
    const hidden = await makeSubmission(stranger, { submittedMinutesAgo: 60 });
    const r = await call(queueRoute, { token: mentor.token });
    expect(r.status).toBe(200);
    const ids = r.json.items.map((i: { progress_id: string }) => i.progress_id);
    expect(ids).toContain(newer.id);
    expect(ids).not.toContain(hidden.id);
    const item = r.json.items.find((i: { progress_id: string }) => i.progress_id === newer.id);
    expect(item).toMatchObject({ version: 3, prescore: 72.5, learner: { name: "Lena Learner" }, mission: { code: "TEST-01", tier: "beginner" } });
    expect(item.waiting_seconds).toBeGreaterThanOrEqual(299);
    const all = await call(queueRoute, { token: admin.token });
    const adminIds = all.json.items.map((i: { progress_id: string }) => i.progress_id);
    expect(adminIds).toEqual(expect.arrayContaining([newer.id, hidden.id]));
    expect(adminIds.indexOf(hidden.id)).toBeLessThan(adminIds.indexOf(newer.id));
  });

  it("filters by mission, track and tier and validates them", async () => {
    await makeSubmission();
    expect((await call(queueRoute, { token: mentor.token, path: "/api/v1/reviews/queue?mission=TEST-01&track=defender&tier=beginner" })).json.items.length).toBeGreaterThan(0);
    expect((await call(queueRoute, { token: mentor.token, path: "/api/v1/reviews/queue?tier=advanced" })).json.items).toEqual([]);
    const bad = await call(queueRoute, { token: mentor.token, path: "/api/v1/reviews/queue?tier=expert" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.tier).toBeTruthy();
  });

  it("refuses learners (403) and anonymous callers (401)", async () => {
    expect((await call(queueRoute, { token: learner.token })).status).toBe(403);
    expect((await call(queueRoute, {})).status).toBe(401);
  });
});

describe("submission detail", () => {
  it("shows path with choices and the expert's, hints with penalties, time per stage, evidence, verdicts and rubric; opening claims it without bumping the version", async () => {
    const p = await makeSubmission();
    const r = await call(detailRoute, { token: mentor.token, params: { progress: p.id } });
    expect(r.status).toBe(200);
    const d = r.json;
    expect(d.progress).toMatchObject({ state: "in_review", version: 3, reviewable: true });
    expect(d.path.map((s: { stage: string }) => s.stage)).toEqual(["triage", "contain", "report"]);
    expect(d.path[0].decision).toMatchObject({ chosen: { id: "block", score_delta: 5 }, expert: { id: "block" } });
    expect(d.path[0].hints).toEqual([{ level: 1, penalty: 2 }]);
    expect(d.path[0].time_seconds).toBe(600);
    expect(d.path[0].answer_verdict.verdict).toBe("correct");
    expect(d.evidence[0]).toMatchObject({ name: "counts.txt", sha256: "a".repeat(64), download_url: expect.stringContaining("/api/v1/missions/TEST-01/evidence/") });
    expect(d.rubric.filter((c: { on_path: boolean }) => c.on_path).map((c: { key: string }) => c.key)).toEqual(["triage-quality", "contain-quality", "report-quality"]);
    expect(d.rubric[0].levels[1]).toMatchObject({ index: 1, label: "Good", descriptor: "Right IP with evidence" });
  });

  it("a mentor not assigned to the learner gets 404, and so does a made-up id", async () => {
    const p = await makeSubmission();
    expect((await call(detailRoute, { token: otherMentor.token, params: { progress: p.id } })).status).toBe(404);
    expect((await call(reviewRoute, { token: otherMentor.token, params: { progress: p.id }, body: body(3) })).status).toBe(404);
    expect((await call(detailRoute, { token: mentor.token, params: { progress: crypto.randomUUID() } })).status).toBe(404);
    expect((await call(detailRoute, { token: mentor.token, params: { progress: "nope" } })).status).toBe(404);
    expect((await call(detailRoute, { token: learner.token, params: { progress: p.id } })).status).toBe(403);
    // Nothing was claimed by the stranger.
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p.id));
    expect(row.state).toBe("submitted");
  });

  it("a mentor assigned directly (not through a cohort) may review", async () => {
    const solo = await makeUser("learner");
    await db.insert(mentorAssignments).values({ mentorId: otherMentor.id, learnerId: solo.id });
    const p = await makeSubmission(solo);
    expect((await call(detailRoute, { token: otherMentor.token, params: { progress: p.id } })).status).toBe(200);
  });
});

describe("submitting a review", () => {
  it("approves: scores per SPEC §3, writes review, scores, progress, one portfolio item and a telemetry event", async () => {
    const p = await makeSubmission();
    const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3) });
    expect(r.status).toBe(201);
    // (2×1 + 1×0 + 1×1)/4 × 100 = 75, +5 decision, −2 hint = 78
    expect(r.json.review).toMatchObject({ outcome: "approved", score: 78, passed: true });
    expect(r.json.progress).toMatchObject({ state: "approved", version: 4, score: 78, passed: true });
    expect(r.json.portfolio_item.public_slug).toMatch(/^test-01-/);
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p.id));
    expect(row.completedAt).not.toBeNull();
    expect(row.reviewedAt).not.toBeNull();
    const scores = await db.select().from(reviewScores).where(eq(reviewScores.reviewId, r.json.review.id));
    expect(scores.map((s) => [s.criterionKey, s.levelIndex, s.points, s.maxPoints]).sort()).toEqual([
      ["contain-quality", 0, 0, 3],
      ["report-quality", 1, 2, 2],
      ["triage-quality", 1, 2, 2],
    ]);
    expect(scores.find((s) => s.criterionKey === "triage-quality")!.remark).toBe("Right IP, with counts.");
    const [item] = await db.select().from(portfolioItems).where(eq(portfolioItems.progressId, p.id));
    expect(item).toMatchObject({ code: "TEST-01", score: 78, public: false, evidence: [{ name: "counts.txt", sha256: "a".repeat(64), size: 120 }] });
    expect(item.rubricSummary).toContainEqual({ criterion: "Containment", level: "Missing", points: 0, max: 3 });
    const events = await db.select().from(telemetryEvents).where(and(eq(telemetryEvents.progressId, p.id), eq(telemetryEvents.type, "mission.reviewed")));
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ outcome: "approved", score: 78, mentor_id: mentor.id });
  });

  it("two mentors reviewing the same version concurrently: one succeeds, the other gets 409 naming who reviewed", async () => {
    const p = await makeSubmission();
    await db.insert(mentorAssignments).values({ mentorId: otherMentor.id, learnerId: learner.id });
    const [a, b] = await Promise.all([
      call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3) }),
      call(reviewRoute, { token: otherMentor.token, params: { progress: p.id }, body: body(3, { outcome: "failed", feedback: "Not enough." }) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    const winnerName = a.status === 201 ? "Mira Mentor" : "Otto Other";
    expect(loser.json.error.code).toBe("conflict");
    expect(loser.json.error.message).toContain(winnerName);
    expect(loser.json.error.reviewed_by.name).toBe(winnerName);
    expect(loser.json.error.current_version).toBe(4);
    expect(await db.select({ n: count() }).from(reviews).where(eq(reviews.progressId, p.id))).toEqual([{ n: 1 }]);
    await db.delete(mentorAssignments).where(and(eq(mentorAssignments.mentorId, otherMentor.id), eq(mentorAssignments.learnerId, learner.id)));
  });

  it("approval creates exactly one portfolio item even if retried", async () => {
    const p = await makeSubmission();
    const first = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3) });
    const retry = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3) });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(409);
    expect(await db.select({ n: count() }).from(portfolioItems).where(eq(portfolioItems.progressId, p.id))).toEqual([{ n: 1 }]);
    expect(await db.select({ n: count() }).from(reviews).where(eq(reviews.progressId, p.id))).toEqual([{ n: 1 }]);
  });

  it("request changes sends the attempt back to the learner as changes_requested (same attempt) with the feedback per stage", async () => {
    const p = await makeSubmission();
    const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3, { outcome: "changes_requested" }) });
    expect(r.status).toBe(201);
    expect(r.json.progress).toMatchObject({ state: "changes_requested", version: 4, score: null });
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p.id));
    expect(row).toMatchObject({ state: "changes_requested", attempt: p.attempt, completedAt: null });
    expect(await db.select({ n: count() }).from(portfolioItems).where(eq(portfolioItems.progressId, p.id))).toEqual([{ n: 0 }]);
    const seen = await reviewForLearner({ caller: learner, progressId: p.id });
    expect(seen).toMatchObject({ outcome: "changes_requested", stage_feedback: { contain: "Paste the rule you added." } });
    // Cannot be reviewed again until resubmitted.
    const again = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(4) });
    expect(again.status).toBe(409);
    await db.delete(missionProgress).where(eq(missionProgress.id, p.id));
  });

  it("fail records a failed, final attempt", async () => {
    const p = await makeSubmission();
    const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3, { outcome: "failed", feedback: "The block is missing." }) });
    expect(r.status).toBe(201);
    expect(r.json.progress).toMatchObject({ state: "failed", score: 78, passed: true });
    expect(r.json.portfolio_item).toBeNull();
  });

  it("bad input is a 400 naming the field, and nothing is written", async () => {
    const p = await makeSubmission();
    const cases: [Record<string, unknown>, string][] = [
      [{ scores: [...goodScores.slice(0, 2)] }, "scores"],
      [{ scores: [{ criterion: "nope", level: 0 }, ...goodScores] }, "scores[0].criterion"],
      [{ scores: [{ criterion: "triage-quality", level: 7 }, ...goodScores.slice(1)] }, "scores[0].level"],
      [{ scores: [{ criterion: "triage-quality", level: "Superb" }, ...goodScores.slice(1)] }, "scores[0].level"],
      [{ scores: [...goodScores, { criterion: "detect-quality", level: 1 }] }, "scores[3].criterion"],
      [{ recommended_recipes: ["no-such-recipe"] }, "recommended_recipes[0]"],
      [{ stage_feedback: { detect: "x" } }, "stage_feedback.detect"],
      [{ outcome: "changes_requested", feedback: "" }, "feedback"],
      [{ outcome: "maybe" }, "outcome"],
      [{ version: "3" }, "version"],
    ];
    for (const [over, field] of cases) {
      const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(3, over) });
      expect(r.status, field).toBe(400);
      expect(Object.keys(r.json.error.fields), field).toContain(field);
    }
    expect(await db.select({ n: count() }).from(reviews).where(eq(reviews.progressId, p.id))).toEqual([{ n: 0 }]);
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p.id));
    expect(row.version).toBe(3);
  });

  it("approving a score that does not pass is refused (422) with the reasons", async () => {
    const p = await makeSubmission();
    const r = await call(reviewRoute, {
      token: mentor.token,
      params: { progress: p.id },
      body: body(3, { scores: [{ criterion: "triage-quality", level: 0 }, { criterion: "contain-quality", level: 0 }, { criterion: "report-quality", level: 0 }] }),
    });
    expect(r.status).toBe(422);
    expect(r.json.error.message).toMatch(/below the minimum of 60/);
  });

  it("a stale version is a 409", async () => {
    const p = await makeSubmission();
    const r = await call(reviewRoute, { token: mentor.token, params: { progress: p.id }, body: body(2) });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/changed since you opened it/);
  });
});

describe("the learner's side", () => {
  it("sees feedback only after the review, never the pre-score; then the completion view, portfolio and notification", async () => {
    const fresh = await makeUser("learner", { name: "Fresh Learner" });
    await makeCohort({ learners: [fresh], mentor });
    const p = await makeSubmission(fresh);
    expect(await reviewForLearner({ caller: fresh, progressId: p.id })).toBeNull();
    const before = await completionView({ caller: fresh, missionIdOrCode: "TEST-01" });
    expect(before.review).toBeNull();
    expect(before.progress?.state).toBe("submitted");
    expect(JSON.stringify(before)).not.toContain("72.5");
    expect(await recentReviewsForLearner({ userId: fresh.id })).toEqual([]);

    await submitReview({ caller: mentor, progressId: p.id, body: { ...body(3), feedback: "Well argued." } as never });
    const after = await completionView({ caller: fresh, missionIdOrCode: "test-01" });
    expect(after.progress).toMatchObject({ state: "approved", score: 78, passed: true });
    expect(after.review).toMatchObject({ outcome: "approved", feedback: "Well argued.", mentor: { name: "Mira Mentor" } });
    expect(after.review!.scores.find((s) => s.criterion === "triage-quality")).toMatchObject({ title: "Triage", level_label: "Good", remark: "Right IP, with counts." });
    expect(after.review!.recommended_recipes[0]).toMatchObject({ slug: "brief-stakeholders", title: "Brief stakeholders in five sentences" });
    expect(after.review!.expert_path[0]).toMatchObject({ decision: "respond", choice: { id: "block" } });
    expect(after.portfolio).toMatchObject({ public: false });
    expect(after.next.map((m) => m.code)).not.toContain("TEST-01");
    const notes = await recentReviewsForLearner({ userId: fresh.id });
    expect(notes[0]).toMatchObject({ outcome: "approved", code: "TEST-01", mentorName: "Mira Mentor" });

    // Someone else's review is not theirs to read.
    await expect(reviewForLearner({ caller: learner, progressId: p.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("portfolio: own items only, visibility toggle, public page shows nothing private", async () => {
    const owner = await makeUser("learner", { name: "Port Folio" });
    await makeCohort({ learners: [owner], mentor });
    const p = await makeSubmission(owner);
    await submitReview({ caller: mentor, progressId: p.id, body: body(3) as never });
    const list = await call(portfolioRoute, { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(1);
    const item = list.json.items[0];
    expect(item).toMatchObject({ public: false, public_url: null, mission: { code: "TEST-01" }, score: 78 });
    expect(await publicPortfolioItem({ slug: item.public_slug })).toBeUndefined();

    expect((await call(visibilityRoute, { token: learner.token, method: "PATCH", params: { item: item.id }, body: { public: true } })).status).toBe(404);
    expect((await call(visibilityRoute, { token: owner.token, method: "PATCH", params: { item: item.id }, body: { public: "yes" } })).status).toBe(400);
    const on = await call(visibilityRoute, { token: owner.token, method: "PATCH", params: { item: item.id }, body: { public: true } });
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ public: true, public_url: `/p/${item.public_slug}` });

    const pub = await publicPortfolioItem({ slug: item.public_slug });
    expect(pub).toMatchObject({ learner: { name: "Port Folio" }, mission: { code: "TEST-01" }, score: 78, evidence: [{ name: "counts.txt", sha256: "a".repeat(64) }] });
    const text = JSON.stringify(pub);
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain("203.0.113.45 made 40 failures"); // notes
    expect(text).not.toContain("k-"); // storage key

    expect((await call(portfolioRoute, { token: (await makeUser("enterprise")).token })).status).toBe(403);
    expect((await call(portfolioRoute, { token: learner.token })).json.items.some((i: { id: string }) => i.id === item.id)).toBe(false);
  });

  it("submissionForReview for a learner's own progress is a 404 even for an admin-reviewer path guard", async () => {
    const p = await makeSubmission();
    await expect(submissionForReview({ caller: learner, progressId: p.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("optional AI second opinion", () => {
  it("is nothing without an endpoint; with one it is stored apart from the pre-score, without bumping the version, and shown to the mentor", async () => {
    const p = await makeSubmission();
    expect(await recordSecondOpinion({ progressId: p.id, config: null })).toBeNull();
    const before = await submissionForReview({ caller: mentor, progressId: p.id });
    expect(before.second_opinion).toBeNull();

    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { content: '{"score": 64, "summary": "Correct IP; containment not evidenced.", "concerns": ["No firewall rule"]}' } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const o = await recordSecondOpinion({ progressId: p.id, config: { url, key: "k", model: "local" } });
      expect(o).toMatchObject({ source: "ai", model: "local", score: 64 });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const [row] = await db.select().from(missionProgress).where(eq(missionProgress.id, p.id));
    expect(row.version).toBe(3);
    expect((row.prescore as { score: number }).score).toBe(72.5);
    const after = await submissionForReview({ caller: mentor, progressId: p.id });
    expect(after.second_opinion).toMatchObject({ source: "ai", summary: "Correct IP; containment not evidenced." });
    expect(after.prescore.score).toBe(72.5);
  });
});
