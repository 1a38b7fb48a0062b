import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { decisionsMade, missionProgress, missions, portfolioItems, recipes, reviews, users } from "@/lib/db/schema";
import { TIERS } from "@/lib/db/schema/enums";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { canSeeLearner } from "./access";
import { findMission } from "./missions";
import { contentFor, expertPath, loadProgress, reviewerName, reviewHistory } from "./reviews";

// Review results as the learner sees them (SPEC §5 Completion screen, dashboard notification).
// Feedback exists for the learner only once a review does; pre-scores are for mentors only.


/**
 * The latest review of a progress as its learner sees it, or null before any review (feedback is
 * visible only after the review). Pre-scores are for mentors and are never included.
 */
export async function reviewForLearner({ caller, progressId, tx = db }: { caller: Caller; progressId: string; tx?: Tx }) {
  const p = await loadProgress(progressId, tx);
  if (!p || !(await canSeeLearner({ caller, learnerId: p.userId, tx }))) throw errors.notFound("Progress");
  const [latest] = await reviewHistory(p.id, tx);
  if (!latest) return null;
  const content = await contentFor(p, tx);
  const recipeRows = latest.recommended_recipes.length
    ? await tx.select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, minutes: recipes.estimatedMinutes }).from(recipes).where(inArray(recipes.slug, latest.recommended_recipes))
    : [];
  const bySlug = new Map(recipeRows.map((r) => [r.slug, r]));
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
    expert_path: expertPath(content),
  };
}
export type LearnerReview = NonNullable<Awaited<ReturnType<typeof reviewForLearner>>>;

/** The caller's latest attempt of a mission with its review (Completion screen). */
export async function completionView({ caller, missionIdOrCode, tx = db }: { caller: Caller; missionIdOrCode: string; tx?: Tx }) {
  const m = await findMission({ idOrCode: missionIdOrCode, tx });
  if (!m) throw errors.notFound("Mission");
  const [p] = await tx
    .select()
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, caller.id), eq(missionProgress.missionId, m.id)))
    .orderBy(desc(missionProgress.attempt))
    .limit(1);
  if (!p) return { mission: m, progress: null, review: null, path: [] as string[], choices: [] as { decision: string; choice: string; score_delta: number }[], content: null, portfolio: null, next: [] as NextMission[] };
  const content = await contentFor(p, tx);
  const review = await reviewForLearner({ caller, progressId: p.id, tx });
  const [portfolio] = await tx.select({ id: portfolioItems.id, public: portfolioItems.public, slug: portfolioItems.publicSlug }).from(portfolioItems).where(eq(portfolioItems.progressId, p.id));
  const choices = await tx.select().from(decisionsMade).where(eq(decisionsMade.progressId, p.id));
  const next = p.state === "approved" ? await nextMissions({ userId: caller.id, track: m.track, tier: m.tier, exclude: m.id, tx }) : [];
  return {
    mission: m,
    content,
    progress: { id: p.id, state: p.state, attempt: p.attempt, submitted_at: p.submittedAt, reviewed_at: p.reviewedAt, score: p.score, passed: p.passed, hint_penalty: p.hintPenalty, decision_delta: p.decisionDelta },
    path: p.path ?? [],
    choices: choices.map((c) => ({ decision: c.decisionKey, choice: c.choiceKey, score_delta: c.scoreDelta })),
    review,
    portfolio: portfolio ?? null,
    next,
  };
}

export interface NextMission {
  id: string;
  code: string;
  title: string;
  tier: string;
}

/** Published missions of the same track at this tier and the next that the learner has not passed yet. */
async function nextMissions({ userId, track, tier, exclude, tx }: { userId: string; track: string; tier: string; exclude: string; tx: Tx }): Promise<NextMission[]> {
  const i = TIERS.indexOf(tier as (typeof TIERS)[number]);
  const tiers = TIERS.slice(i, i + 2);
  const list = await tx
    .select({ id: missions.id, code: missions.code, title: missions.title, tier: missions.tier })
    .from(missions)
    .where(
      and(
        eq(missions.track, track),
        eq(missions.status, "published"),
        inArray(missions.tier, [...tiers]),
        sql`${missions.id} <> ${exclude}`,
        sql`not exists (select 1 from ${missionProgress} mp where mp.mission_id = ${missions.id} and mp.user_id = ${userId} and mp.passed)`,
      ),
    )
    .orderBy(asc(missions.code))
    .limit(20);
  return list.sort((a, b) => TIERS.indexOf(a.tier as never) - TIERS.indexOf(b.tier as never)).slice(0, 4);
}

/** Recently reviewed submissions of a learner (dashboard notification), newest first. */
export async function recentReviewsForLearner({ userId, days = 14, limit = 5, tx = db }: { userId: string; days?: number; limit?: number; tx?: Tx }) {
  const list = await tx
    .select({
      reviewId: reviews.id,
      outcome: reviews.outcome,
      score: reviews.score,
      createdAt: reviews.createdAt,
      mentorName: users.name,
      code: missions.code,
      title: missions.title,
    })
    .from(reviews)
    .innerJoin(missionProgress, eq(missionProgress.id, reviews.progressId))
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(and(eq(missionProgress.userId, userId), sql`${reviews.createdAt} > now() - make_interval(days => ${days})`))
    .orderBy(desc(reviews.createdAt))
    .limit(limit);
  return list.map((r) => ({ ...r, mentorName: reviewerName(r.mentorName) }));
}

