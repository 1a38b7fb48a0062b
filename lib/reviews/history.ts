import "server-only";
import type { Tx } from "@/lib/db";
import { reviewRows } from "@/lib/db/queries/reviews";
import { toAnchor } from "./anchors";

/** A review's mentor as shown to people: their name, or "Another mentor" once the account is gone. */
export function reviewerName(name: string | null) {
  return name ?? "Another mentor";
}

/** Every review of an attempt, newest first, as the review screen and the learner's results show them. */
export async function reviewHistory(progressId: string, tx?: Tx) {
  const list = await reviewRows({ progressId, tx });
  return list.map(({ review: r, mentorName, scores, anchors }) => ({
    id: r.id,
    mentor: { id: r.mentorId, name: reviewerName(mentorName) },
    based_on_version: r.basedOnVersion,
    outcome: r.outcome,
    score: r.score,
    passed: r.passed,
    feedback: r.feedback,
    stage_feedback: r.stageFeedback,
    recommended_recipes: r.recommendedRecipes,
    created_at: r.createdAt.toISOString(),
    scores: scores.map((s) => ({ criterion: s.criterionKey, stage: s.stageKey, level: s.levelIndex, points: s.points, max_points: s.maxPoints, remark: s.remark, ai_assisted: s.aiAssisted })),
    anchors: anchors.map(toAnchor),
  }));
}
