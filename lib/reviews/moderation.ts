import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findMission } from "@/lib/db/queries/missions";
import { learnerName } from "@/lib/db/queries/reviews";
import {
  countFirstMark,
  insertMark,
  insertModeration,
  lockAttemptRow,
  marksOf,
  moderationOf,
  thresholdOf,
  updateModeration,
  type ModerationRow,
} from "@/lib/db/queries/moderation";
import { isReviewable, transition } from "@/lib/missions/state";
import { suggestionsByIds } from "@/lib/db/queries/ai-suggestions";
import { claimAttempt } from "@/lib/db/queries/attempts";
import { maxPoints } from "@/lib/missions/scoring";
import type { ReviewBody } from "@/lib/api/contracts/reviews";
import type { ModerationBody } from "@/lib/api/contracts/moderation";
import { loadAttempt, type Attempt } from "@/lib/attempts/load";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { attemptForReviewer } from "./access";
import { reviewerName } from "./history";
import { compareMarks, isSampled } from "./moderation-rules";
import { prepareReview, releaseReview, staleConflict, type Prepared, type ReviewResult } from "./release";

// Double-marking and moderation (SPEC §7 "Calibration and moderation"). A first review of a sampled
// submission version is kept as round-1 marks (review_marks), the attempt stays in review and the
// learner sees nothing; a second mentor marks it blind (neither mentor's views show the other's
// marks); marks that agree release the first mentor's review, marks that differ wait for a
// moderator (an admin who marked neither), who picks the final marks. Each step is one transaction
// under the attempt's row lock. The rules themselves: moderation-rules.ts.

/** Criteria a held review took from AI suggestions (accepted or edited), for the released review's "AI-assisted". */
async function assistedOf(tx: Tx, body: ReviewBody) {
  const used = (body.ai ?? []).filter((d) => d.decision !== "rejected");
  const rows = await suggestionsByIds({ ids: used.map((d) => d.suggestion_id), tx });
  return new Set(rows.map((r) => r.criterionKey));
}

function pending(p: MissionProgress, mark: { id: string; outcome: string; score: number; passed: boolean; createdAt: Date }, prep: Prepared, status: "second_marking" | "moderation", message: string): ReviewResult {
  return {
    review: { id: mark.id, outcome: mark.outcome, score: mark.score, passed: mark.passed, created_at: mark.createdAt.toISOString() },
    progress: { id: p.id, state: p.state, version: p.version, score: p.score, passed: p.passed },
    portfolio_item: null,
    scoring: { base: prep.result.base, decisionDelta: prep.result.decisionDelta, hintPenalty: prep.result.hintPenalty, failReasons: prep.result.failReasons },
    released: false,
    moderation: { status, message },
  };
}

function markValues(mod: ModerationRow | { id: string }, p: MissionProgress, caller: Caller, round: 1 | 2, body: ReviewBody, prep: Prepared, now: Date) {
  return {
    moderationId: mod.id,
    progressId: p.id,
    basedOnVersion: body.version,
    round,
    mentorId: caller.id,
    outcome: body.outcome,
    score: prep.result.score,
    passed: prep.result.passed,
    levels: prep.levels,
    body: body as unknown as Record<string, unknown>,
    createdAt: now,
  };
}

/**
 * Inside the review's transaction (attempt row locked): records the caller's marks when the version
 * is double-marked, or null when the review is released the ordinary way.
 */
export async function markIfDoubleMarked(
  tx: Tx,
  { caller, a, p, missionCode, body, prep, now }: { caller: Caller; a: Attempt; p: MissionProgress; missionCode: string; body: ReviewBody; prep: Prepared; now: Date },
): Promise<ReviewResult | null> {
  if (!isReviewable(p.state)) throw errors.conflict(`This submission is not waiting for review (it is ${p.state.replace("_", " ")}).`, { state: p.state, current_version: p.version });
  const mod = await moderationOf({ progressId: p.id, version: body.version, tx });
  if (!mod) {
    const drawn = await countFirstMark(tx, { missionId: p.missionId });
    if (!drawn || !isSampled(drawn.n, drawn.percent)) return null;
    // Marking claims the submission as opening it does (submitted → in_review, the version kept).
    if (p.state === "submitted") p = (await claimAttempt(tx, { id: p.id, from: "submitted", to: transition("submitted", "begin_review"), version: p.version })) ?? p;
    const created = await insertModeration(tx, { progressId: p.id, basedOnVersion: body.version, missionId: p.missionId, status: "second_marking", createdAt: now });
    const mark = await insertMark(tx, markValues(created, p, caller, 1, body, prep, now));
    return pending(p, mark, prep, "second_marking", "This submission was sampled for double-marking: a second mentor marks it blind before the learner sees a review.");
  }
  if (mod.status === "moderation") throw errors.conflict("Two mentors have marked this submission and their marks differ; a moderator decides the final review.", { moderation: "moderation" });
  if (mod.status === "final") throw await staleConflict(p.id, tx);
  const marks = await marksOf({ moderationId: mod.id, tx });
  if (marks.some((m) => m.mark.mentorId === caller.id))
    throw errors.conflict("You have marked this submission already; a second mentor marks it blind before anything is released.", { moderation: "second_marking" });
  const first = marks[0].mark;
  const mark = await insertMark(tx, markValues(mod, p, caller, 2, body, prep, now));
  const cmp = compareMarks({ outcome: first.outcome, score: first.score, levels: first.levels }, { outcome: body.outcome, score: prep.result.score, levels: prep.levels }, await thresholdOf({ missionId: p.missionId, tx }));
  if (cmp.disagree) {
    await updateModeration(tx, { id: mod.id, set: { status: "moderation", reasons: cmp.reasons } });
    // The reasons name the first mentor's outcome: they are for the moderator, not for this mentor.
    return pending(p, mark, prep, "moderation", "Your marks and the first mentor's differ by more than the mission's threshold; a moderator decides the final review.");
  }
  const firstBody = first.body as unknown as ReviewBody;
  const released = await releaseReview(tx, { a, p, missionCode, mentorId: first.mentorId, body: firstBody, prep: await prepareReview(a, firstBody), now, aiAssisted: await assistedOf(tx, firstBody) });
  await updateModeration(tx, { id: mod.id, set: { status: "final", finalReviewId: released.review.id, resolvedAt: now } });
  return { ...released, moderation: { status: "final", message: "Your marks agree with the first mentor's within the threshold; the first mentor's review is released to the learner." } };
}

/** What the caller may know of a double-marking on the review screen: the status and their own marks, never the other's. */
export async function moderationForViewer({ caller, p, tx = db }: { caller: Caller; p: MissionProgress; tx?: Tx }) {
  const mod = await moderationOf({ progressId: p.id, version: p.version, tx });
  if (!mod || mod.status === "final") return null;
  const mine = (await marksOf({ moderationId: mod.id, tx })).find((m) => m.mark.mentorId === caller.id)?.mark;
  return {
    status: mod.status,
    your_mark: mine ? { round: mine.round, outcome: mine.outcome, score: mine.score, created_at: mine.createdAt.toISOString() } : null,
    /** The caller may send marks now: the version waits for a mark they have not given. */
    can_mark: mod.status === "second_marking" && !mine,
  };
}

async function openModeration({ caller, progressId, version, tx = db }: { caller: Caller; progressId: string; version?: number; tx?: Tx }) {
  if (caller.role !== "admin") throw errors.forbidden("Only an admin moderates.");
  const p = await attemptForReviewer({ caller, progressId, tx });
  if (version !== undefined && version !== p.version) throw await staleConflict(p.id, tx);
  const mod = await moderationOf({ progressId: p.id, version: p.version, tx });
  if (!mod) throw errors.notFound("Moderation");
  if (mod.status === "second_marking") throw errors.conflict("The second mentor has not marked this submission yet; the marks stay blind until then.", { moderation: "second_marking" });
  return { p, mod };
}

/** Both mentors' marks side by side for the moderator (admin), with why they were judged to differ. */
export async function moderationView({ caller, progressId, tx = db }: { caller: Caller; progressId: string; tx?: Tx }) {
  const { p, mod } = await openModeration({ caller, progressId, tx });
  const [a, mission, learner, marks, threshold] = await Promise.all([
    loadAttempt(p, { tx }),
    findMission({ idOrCode: p.missionId, tx }),
    learnerName({ userId: p.userId, tx }),
    marksOf({ moderationId: mod.id, tx }),
    thresholdOf({ missionId: p.missionId, tx }),
  ]);
  const byRound = (r: number) => marks.find((m) => m.mark.round === r)?.mark;
  const criteria = a.content.rubric
    .filter((c) => c.key in (byRound(1)?.levels ?? {}) || c.key in (byRound(2)?.levels ?? {}))
    .map((c) => ({
      key: c.key,
      title: c.title,
      max_points: maxPoints(c),
      levels: c.levels.map((l, i) => ({ index: i, label: l.label, points: l.points })),
      first: byRound(1)?.levels[c.key] ?? null,
      second: byRound(2)?.levels[c.key] ?? null,
    }));
  return {
    progress_id: p.id,
    version: p.version,
    status: mod.status,
    reasons: mod.reasons,
    threshold_points: threshold,
    mission: { code: mission!.code, title: a.content.title },
    learner,
    criteria,
    marks: marks.map(({ mark: m, mentorName }) => {
      const b = m.body as unknown as ReviewBody;
      return { round: m.round, mentor: { id: m.mentorId, name: reviewerName(mentorName) }, outcome: m.outcome, score: m.score, passed: m.passed, feedback: b.feedback ?? "", created_at: m.createdAt.toISOString() };
    }),
    final_review_id: mod.finalReviewId,
  };
}
export type ModerationView = Awaited<ReturnType<typeof moderationView>>;

/**
 * The moderator's decision: the final review takes the chosen mentor's review (`base`), with the
 * levels the moderator picks per criterion and optionally another outcome or feedback; it is
 * released under the attempt's lock and the moderation is final.
 */
export async function resolveModeration({ caller, progressId, body }: { caller: Caller; progressId: string; body: ModerationBody }): Promise<ReviewResult> {
  const { p } = await openModeration({ caller, progressId, version: body.version });
  const [a, mission] = await Promise.all([loadAttempt(p), findMission({ idOrCode: p.missionId })]);
  const now = new Date();
  return db.transaction(async (tx) => {
    const locked = await lockAttemptRow(tx, { id: p.id });
    if (!locked || locked.version !== body.version) throw await staleConflict(p.id, tx);
    const mod = await moderationOf({ progressId: p.id, version: body.version, tx });
    if (!mod) throw errors.notFound("Moderation");
    if (mod.status !== "moderation") throw errors.conflict(mod.status === "final" ? "This moderation is already decided." : "The second mentor has not marked this submission yet.", { moderation: mod.status });
    const marks = await marksOf({ moderationId: mod.id, tx });
    if (marks.some((m) => m.mark.mentorId === caller.id)) throw errors.conflict("You marked this submission yourself; another admin moderates it.", { moderation: mod.status });
    const base = marks.find((m) => m.mark.round === (body.base === "first" ? 1 : 2))!.mark;
    const baseBody = base.body as unknown as ReviewBody;
    const fields: Record<string, string> = {};
    const known = new Set(baseBody.scores.map((s) => s.criterion));
    body.scores.forEach((s, i) => {
      if (!known.has(s.criterion)) fields[`scores[${i}].criterion`] = `"${s.criterion}" is not a criterion the mentors marked`;
    });
    if (Object.keys(fields).length) throw errors.validation(fields);
    const picked = new Map(body.scores.map((s) => [s.criterion, s.level]));
    const finalBody: ReviewBody = {
      ...baseBody,
      anchors: baseBody.anchors ?? [],
      version: body.version,
      outcome: body.outcome ?? baseBody.outcome,
      feedback: body.feedback ?? baseBody.feedback,
      scores: baseBody.scores.map((s) => (picked.has(s.criterion) ? { ...s, level: picked.get(s.criterion)! } : s)),
    };
    const released = await releaseReview(tx, { a, p: locked, missionCode: mission!.code, mentorId: base.mentorId, body: finalBody, prep: await prepareReview(a, finalBody), now, aiAssisted: await assistedOf(tx, baseBody) });
    await updateModeration(tx, { id: mod.id, set: { status: "final", moderatorId: caller.id, finalReviewId: released.review.id, resolvedAt: now } });
    return { ...released, moderation: { status: "final", message: "Moderated: the final review is released to the learner." } };
  });
}
