import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findAttempt, updateAttempt } from "@/lib/db/queries/attempts";
import { insertPortfolioItem, insertReview, latestReview, recipesBySlug } from "@/lib/db/queries/reviews";
import { computeScore, maxPoints, type ScoringResult } from "@/lib/missions/scoring";
import { REVIEWABLE_STATES, reviewAction, transition } from "@/lib/missions/state";
import type { ReviewBody } from "@/lib/api/contracts/reviews";
import type { Attempt } from "@/lib/attempts/load";
import { recordEvents } from "@/lib/telemetry/record";
import { errors } from "@/lib/errors";
import { timeAgo } from "@/lib/labels";
import { reviewerName } from "./history";
import { resolveScores } from "./rubric";
import { anchorProblems, anchorRows } from "./anchors";

// A review's marks checked against the rubric and scored, and the release of a final review: the
// attempt's state, the review with its scores and anchors, the portfolio item on approval and the
// telemetry, in the caller's transaction. Used by a single-marked review, by the agreeing second
// mark of a double-marked one and by a moderator's decision (lib/reviews/moderation.ts).

export interface ReviewResult {
  review: { id: string; outcome: string; score: number; passed: boolean; created_at: string };
  progress: { id: string; state: string; version: number; score: number | null; passed: boolean | null };
  portfolio_item: { id: string; public_slug: string } | null;
  scoring: Pick<ScoringResult, "base" | "decisionDelta" | "hintPenalty" | "failReasons">;
  /** False while a double-marked review waits for its second mark or a moderator: the learner sees nothing yet. */
  released: boolean;
  moderation: { status: "second_marking" | "moderation" | "final"; message: string } | null;
}

/** Why a version is stale, in words: who reviewed it meanwhile, or that the learner changed it. */
export async function staleConflict(progressId: string, tx: Tx) {
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

export type Prepared = Awaited<ReturnType<typeof prepareReview>>;

/**
 * The review's problems by field (the rubric, feedback where the outcome needs it, recipes that
 * exist) and its score. Throws 400 with the fields, or 422 for an approval that does not pass.
 */
export async function prepareReview(a: Attempt, body: ReviewBody) {
  const resolved = resolveScores(a.content, a.route.path, body);
  const { fields, levels, remarks, counted } = resolved;
  if ((body.outcome === "changes_requested" || body.outcome === "failed") && !body.feedback.trim())
    fields.feedback = body.outcome === "failed" ? "explain why the attempt failed" : "say what the learner should change";
  Object.assign(fields, anchorProblems(body.anchors ?? [], a.facts.evidence, new Set(counted.map((c) => c.key))));
  const slugs = [...new Set(body.recommended_recipes)];
  const found = new Set((await recipesBySlug({ slugs })).map((r) => r.slug));
  body.recommended_recipes.forEach((s, i) => {
    if (!found.has(s)) fields[`recommended_recipes[${i}]`] = `no recipe "${s}"`;
  });
  if (Object.keys(fields).length) throw errors.validation(fields, "The review is not complete.");
  const p = a.progress;
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
  return { levels, remarks, counted, slugs, result };
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

/** Releases a final review of `p` at `body.version` written by `mentorId`, in the caller's transaction. */
export async function releaseReview(
  tx: Tx,
  { a, p, missionCode, mentorId, body, prep, now, aiAssisted = new Set<string>() }: { a: Attempt; p: MissionProgress; missionCode: string; mentorId: string; body: ReviewBody; prep: Prepared; now: Date; aiAssisted?: Set<string> },
): Promise<ReviewResult> {
  const { levels, remarks, counted, slugs, result } = prep;
  const final = body.outcome !== "changes_requested";
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
      mentorId,
      basedOnVersion: body.version,
      outcome: body.outcome,
      score: result.score,
      passed: result.passed,
      feedback: body.feedback,
      stageFeedback: Object.fromEntries(Object.entries(body.stage_feedback).filter(([, v]) => v.trim())),
      recommendedRecipes: slugs,
      createdAt: now,
    },
    counted.map((c) => ({
      criterionKey: c.key,
      stageKey: c.stage,
      levelIndex: levels[c.key],
      points: c.levels[levels[c.key]].points,
      maxPoints: maxPoints(c),
      remark: remarks[c.key] ?? null,
      aiAssisted: aiAssisted.has(c.key),
    })),
    anchorRows(body.anchors ?? []),
  );
  const item =
    body.outcome === "approved"
      ? await addToPortfolio(
          tx,
          a,
          missionCode,
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
      payload: { review_id: review.id, mentor_id: mentorId, outcome: body.outcome, score: result.score, passed: result.passed, based_on_version: body.version },
    },
  ]);
  return {
    review: { id: review.id, outcome: review.outcome, score: review.score, passed: review.passed, created_at: review.createdAt.toISOString() },
    progress: { id: updated.id, state: updated.state, version: updated.version, score: updated.score, passed: updated.passed },
    portfolio_item: item,
    scoring: { base: result.base, decisionDelta: result.decisionDelta, hintPenalty: result.hintPenalty, failReasons: result.failReasons },
    released: true,
    moderation: null,
  };
}
