import "server-only";
import { db, type Tx } from "@/lib/db";
import { canSeeLearner } from "@/lib/db/queries/access";
import { findAttempt, latestAttempt } from "@/lib/db/queries/attempts";
import { findMission } from "@/lib/db/queries/missions";
import { portfolioItemOf, recentReviewRows, recipesBySlug, unpassedMissions } from "@/lib/db/queries/reviews";
import { TIERS } from "@/lib/db/schema/enums";
import type { MissionContent } from "@/lib/content/schemas";
import { contentOf, loadAttempt } from "@/lib/attempts/load";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { reviewerName, reviewHistory } from "./history";
import { expertChoices } from "./submission";
import { anchorPlaces, type AnchorPlace } from "./anchor-excerpts";
import { awaitingReview, type AwaitingReview } from "./waiting";

// Review results as the learner sees them (SPEC §5 Completion screen, dashboard notification).
// Feedback exists for the learner only once a review does; pre-scores are for mentors only.

/** `withAnchors`: remarks anchored in the evidence are for the learner, their mentors and admins only. */
async function latestReviewFor(p: { id: string }, content: MissionContent, tx: Tx, withAnchors: boolean) {
  const [latest] = await reviewHistory(p.id, tx);
  if (!latest) return null;
  const bySlug = new Map((await recipesBySlug({ slugs: latest.recommended_recipes, tx })).map((r) => [r.slug, r]));
  return {
    id: latest.id,
    mentor: latest.mentor,
    outcome: latest.outcome,
    score: latest.score,
    passed: latest.passed,
    feedback: latest.feedback,
    stage_feedback: latest.stage_feedback,
    created_at: latest.created_at,
    scores: latest.scores.map((s) => {
      const c = content.rubric.find((x) => x.key === s.criterion);
      return { ...s, title: c?.title ?? s.criterion, level_label: c?.levels[s.level]?.label ?? String(s.level), descriptor: c?.levels[s.level]?.descriptor ?? "" };
    }),
    recommended_recipes: latest.recommended_recipes.map((slug) => bySlug.get(slug) ?? { slug, title: slug, summary: "", minutes: 0 }).map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, estimated_minutes: r.minutes })),
    expert_path: expertChoices(content),
    anchors: withAnchors ? latest.anchors : [],
  };
}

/**
 * The latest review of an attempt as its learner (or someone who may see them) sees it, or null
 * before any review. Pre-scores are for mentors and are never included.
 */
export async function reviewForLearner({ caller, progressId, tx = db }: { caller: Caller; progressId: string; tx?: Tx }) {
  const p = await findAttempt({ progressId, tx });
  if (!p || !(await canSeeLearner({ caller, learnerId: p.userId, tx }))) throw errors.notFound("Progress");
  return latestReviewFor(p, await contentOf({ missionId: p.missionId, version: p.missionVersion, tx }), tx, caller.role !== "enterprise");
}
export type LearnerReview = NonNullable<Awaited<ReturnType<typeof reviewForLearner>>>;

export interface NextMission {
  id: string;
  code: string;
  title: string;
  tier: string;
}

/** Published missions of the same track at this tier and the next that the learner has not passed yet. */
async function nextMissions({ userId, track, tier, exclude, tx }: { userId: string; track: string; tier: string; exclude: string; tx: Tx }): Promise<NextMission[]> {
  const i = TIERS.indexOf(tier as (typeof TIERS)[number]);
  const list = await unpassedMissions({ userId, track, tiers: TIERS.slice(i, i + 2), exclude, tx });
  return list.sort((a, b) => TIERS.indexOf(a.tier as never) - TIERS.indexOf(b.tier as never)).slice(0, 4);
}

/** The caller's latest attempt of a mission with its review (Completion screen). */
export async function completionView({ caller, missionIdOrCode, tx = db }: { caller: Caller; missionIdOrCode: string; tx?: Tx }) {
  const m = await findMission({ idOrCode: missionIdOrCode, tx });
  if (!m) throw errors.notFound("Mission");
  const p = await latestAttempt({ userId: caller.id, missionId: m.id, tx });
  if (!p) return { mission: m, progress: null, review: null, path: [] as string[], choices: [] as { decision: string; choice: string; score_delta: number }[], content: null, portfolio: null, next: [] as NextMission[], anchors: [] as AnchorPlace[], waiting: null as AwaitingReview | null };
  const a = await loadAttempt(p, { tx });
  const waits = p.state === "submitted" || p.state === "in_review";
  const [review, portfolio, next, waiting] = await Promise.all([
    latestReviewFor(p, a.content, tx, true),
    portfolioItemOf({ progressId: p.id, tx }),
    p.state === "approved" ? nextMissions({ userId: caller.id, track: m.track, tier: m.tier, exclude: m.id, tx }) : Promise.resolve([]),
    waits ? awaitingReview({ userId: p.userId, mission: m, submittedAt: p.submittedAt, tx }) : Promise.resolve(null),
  ]);
  return {
    mission: m,
    content: a.content,
    progress: { id: p.id, state: p.state, attempt: p.attempt, submitted_at: p.submittedAt, reviewed_at: p.reviewedAt, score: p.score, passed: p.passed, hint_penalty: p.hintPenalty, decision_delta: p.decisionDelta },
    path: a.route.path,
    choices: a.facts.decisions.map((c) => ({ decision: c.decisionKey, choice: c.choiceKey, score_delta: c.scoreDelta })),
    review,
    /** Each anchored remark of the review on its place in the evidence. */
    anchors: review?.anchors.length ? await anchorPlaces({ anchors: review.anchors, files: a.facts.evidence, missionCode: m.code }) : [],
    portfolio: portfolio ?? null,
    next,
    /** While the attempt waits for review: who reviews, the typical wait, what to do meanwhile. */
    waiting,
  };
}

/** Recently reviewed submissions of a learner (dashboard notification), newest first. */
export async function recentReviewsForLearner({ userId, days = 14, limit = 5, tx = db }: { userId: string; days?: number; limit?: number; tx?: Tx }) {
  const list = await recentReviewRows({ userId, days, limit, tx });
  return list.map((r) => ({ ...r, mentorName: reviewerName(r.mentorName) }));
}
