import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findAttempt, updateAttempt } from "@/lib/db/queries/attempts";
import { findMission } from "@/lib/db/queries/missions";
import { insertPortfolioItem, insertReview, latestReview, recipesBySlug } from "@/lib/db/queries/reviews";
import { computeScore, maxPoints, type ScoringResult } from "@/lib/missions/scoring";
import { REVIEWABLE_STATES, isReviewable, reviewAction, transition } from "@/lib/missions/state";
import type { ReviewBody } from "@/lib/api/contracts/reviews";
import { loadAttempt, type Attempt } from "@/lib/attempts/load";
import { recordEvents } from "@/lib/telemetry/record";
import type { Caller } from "@/lib/auth/session";
import { errors, isUniqueViolation } from "@/lib/errors";
import { timeAgo } from "@/lib/labels";
import { attemptForReviewer, isReviewer } from "./access";
import { reviewerName } from "./history";
import { resolveScores } from "./rubric";
import { anchorProblems, anchorRows } from "./anchors";

// Submitting a review (SPEC §3 "Scoring"): levels per criterion, feedback, outcome and recommended
// recipes, based on the attempt version the mentor saw; a stale version is a 409 saying who got
// there first. An approval adds the portfolio item in the same transaction.

export interface ReviewResult {
  review: { id: string; outcome: string; score: number; passed: boolean; created_at: string };
  progress: { id: string; state: string; version: number; score: number | null; passed: boolean | null };
  portfolio_item: { id: string; public_slug: string } | null;
  scoring: Pick<ScoringResult, "base" | "decisionDelta" | "hintPenalty" | "failReasons">;
}

/** Why a version is stale, in words: who reviewed it meanwhile, or that the learner changed it. */
async function staleConflict(progressId: string, tx: Tx) {
  const [last, current] = await Promise.all([latestReview({ progressId, tx }), findAttempt({ progressId, tx })]);
  const message = last
    ? `${reviewerName(last.mentorName)} reviewed this submission ${timeAgo(last.createdAt)} (${last.outcome.replace("_", " ")}) while you were scoring it. Reload to see their review.`
    : "The submission changed since you opened it. Reload to review the latest version.";
  return errors.conflict(message, {
    current_version: current?.version ?? null,
    state: current?.state ?? null,
    reviewed_by: last ? { name: reviewerName(last.mentorName), outcome: last.outcome, at: last.createdAt.toISOString() } : null,
  });
}

/** The review's problems by field: the rubric, feedback where the outcome needs it, recipes that exist. */
async function reviewProblems(a: Attempt, body: ReviewBody) {
  const resolved = resolveScores(a.content, a.route.path, body);
  const { fields } = resolved;
  if ((body.outcome === "changes_requested" || body.outcome === "failed") && !body.feedback.trim())
    fields.feedback = body.outcome === "failed" ? "explain why the attempt failed" : "say what the learner should change";
  Object.assign(fields, anchorProblems(body.anchors, a.facts.evidence, new Set(resolved.counted.map((c) => c.key))));
  const slugs = [...new Set(body.recommended_recipes)];
  const found = new Set((await recipesBySlug({ slugs })).map((r) => r.slug));
  body.recommended_recipes.forEach((s, i) => {
    if (!found.has(s)) fields[`recommended_recipes[${i}]`] = `no recipe "${s}"`;
  });
  return { ...resolved, slugs };
}

async function addToPortfolio(tx: Tx, a: Attempt, code: string, score: number, rubricSummary: unknown[], now: Date) {
  const p = a.progress;
  const row = await insertPortfolioItem(tx, {
    userId: p.userId,
    progressId: p.id,
    missionId: p.missionId,
    code,
    title: a.content.title,
    track: a.content.track,
    tier: a.content.tier,
    score,
    rubricSummary: rubricSummary as never,
    reflection: p.reflection ?? "",
    evidence: a.facts.evidence.filter((e) => e.kind === "file").map((f) => ({ name: f.fileName ?? "file", sha256: f.sha256 ?? "", size: f.size ?? 0 })),
    completedAt: now,
    publicSlug: `${code.toLowerCase()}-${randomBytes(6).toString("hex")}`,
  });
  return row ? { id: row.id, public_slug: row.slug } : null;
}

export async function submitReview({ caller, progressId, body: input }: { caller: Caller; progressId: string; body: ReviewBody }): Promise<ReviewResult> {
  // Bodies built in code (tests, the demo seed) may predate `anchors`; the API's schema defaults it.
  const body: ReviewBody = { ...input, anchors: input.anchors ?? [] };
  if (!isReviewer(caller)) throw errors.forbidden();
  const p: MissionProgress = await attemptForReviewer({ caller, progressId });
  if (p.version !== body.version) throw await staleConflict(p.id, db);
  if (!isReviewable(p.state)) throw errors.conflict(`This submission is not waiting for review (it is ${p.state.replace("_", " ")}).`, { state: p.state, current_version: p.version });

  const [a, mission] = await Promise.all([loadAttempt(p), findMission({ idOrCode: p.missionId })]);
  const { fields, levels, remarks, counted, slugs } = await reviewProblems(a, body);
  if (Object.keys(fields).length) throw errors.validation(fields, "The review is not complete.");

  const result = computeScore({
    stages: a.content.stages,
    criteria: a.content.rubric,
    path: a.route.path,
    levels,
    decisionDelta: p.decisionDelta,
    hintPenalty: p.hintPenalty,
    minScore: a.content.success_criteria.min_score,
    requiredStages: a.content.success_criteria.required_stages,
  });
  if (body.outcome === "approved" && !result.passed)
    throw errors.rule(`This attempt does not pass, so it cannot be approved: ${result.failReasons.join(" ")} Request changes or fail it.`, undefined, {
      score: result.score,
      fail_reasons: result.failReasons,
    });

  const now = new Date();
  const final = body.outcome !== "changes_requested";
  try {
    return await db.transaction(async (tx) => {
      // The version check and the state change in one statement: a concurrent review waits on the
      // row lock, re-reads the row, finds the version moved on and updates nothing.
      const updated = await updateAttempt(tx, {
        id: p.id,
        set: {
          state: transition(p.state, reviewAction(body.outcome)),
          score: final ? result.score : null,
          passed: final ? result.passed : null,
          reviewedAt: now,
          ...(body.outcome === "approved" ? { completedAt: now } : {}),
        },
        expect: { version: body.version, states: REVIEWABLE_STATES },
      });
      if (!updated) throw await staleConflict(p.id, tx);

      const review = await insertReview(
        tx,
        {
          progressId: p.id,
          mentorId: caller.id,
          basedOnVersion: body.version,
          outcome: body.outcome,
          score: result.score,
          passed: result.passed,
          feedback: body.feedback,
          stageFeedback: Object.fromEntries(Object.entries(body.stage_feedback).filter(([, v]) => v.trim())),
          recommendedRecipes: slugs,
          createdAt: now,
        },
        counted.map((c) => ({ criterionKey: c.key, stageKey: c.stage, levelIndex: levels[c.key], points: c.levels[levels[c.key]].points, maxPoints: maxPoints(c), remark: remarks[c.key] ?? null })),
        anchorRows(body.anchors),
      );
      const item =
        body.outcome === "approved"
          ? await addToPortfolio(
              tx,
              a,
              mission!.code,
              result.score,
              counted.map((c) => ({ criterion: c.title, level: c.levels[levels[c.key]].label, points: c.levels[levels[c.key]].points, max: maxPoints(c) })),
              now,
            )
          : null;
      await recordEvents(tx, [
        {
          type: "mission.reviewed",
          userId: p.userId,
          missionId: p.missionId,
          progressId: p.id,
          occurredAt: now,
          payload: { review_id: review.id, mentor_id: caller.id, outcome: body.outcome, score: result.score, passed: result.passed, based_on_version: body.version },
        },
      ]);
      return {
        review: { id: review.id, outcome: review.outcome, score: review.score, passed: review.passed, created_at: review.createdAt.toISOString() },
        progress: { id: updated.id, state: updated.state, version: updated.version, score: updated.score, passed: updated.passed },
        portfolio_item: item,
        scoring: { base: result.base, decisionDelta: result.decisionDelta, hintPenalty: result.hintPenalty, failReasons: result.failReasons },
      };
    });
  } catch (e) {
    // Same version reviewed twice at the same instant: the unique (progress, based_on_version) catches it.
    if (isUniqueViolation(e)) throw await staleConflict(p.id, db);
    throw e;
  }
}
