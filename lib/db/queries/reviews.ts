import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missions, portfolioItems, recipes, reviewAnchors, reviewScores, reviews, users } from "@/lib/db/schema";
import { TIERS, type ProgressState } from "@/lib/db/schema/enums";
import { mentorLearnerCondition, mentorLearnerPairs, type Viewer } from "./access";

// Data access for mentor reviews (SPEC §3 "Scoring"): rows in, rows out. Who may review what, and
// what a review does to an attempt, is decided in lib/reviews.

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewScoreRow = typeof reviewScores.$inferSelect;

/**
 * Attempts in the given states that the viewer may review, oldest submission first: a mentor's
 * own learners (directly or through a cohort), everyone's for an admin.
 */
export async function reviewQueueRows({
  viewer,
  states,
  missionId,
  track,
  tier,
  tx = db,
}: {
  viewer: Viewer;
  states: readonly ProgressState[];
  missionId?: string;
  track?: string;
  tier?: string;
  tx?: Tx;
}) {
  const where: SQL[] = [inArray(missionProgress.state, [...states])];
  if (viewer.role !== "admin") where.push(mentorLearnerCondition(viewer.id, missionProgress.userId));
  if (missionId) where.push(eq(missionProgress.missionId, missionId));
  if (track) where.push(eq(missions.track, track));
  if (tier) where.push(eq(missions.tier, tier));
  return tx
    .select({
      id: missionProgress.id,
      version: missionProgress.version,
      state: missionProgress.state,
      attempt: missionProgress.attempt,
      submittedAt: missionProgress.submittedAt,
      updatedAt: missionProgress.updatedAt,
      prescore: missionProgress.prescore,
      learnerId: users.id,
      learnerName: users.name,
      missionId: missions.id,
      code: missions.code,
      title: missions.title,
      track: missions.track,
      tier: missions.tier,
      // Double-marking of the current version (SPEC §7), and whether the viewer has marked it already.
      moderation: sql<"second_marking" | "moderation" | "final" | null>`(select m.status from moderations m where m.progress_id = ${missionProgress.id} and m.based_on_version = ${missionProgress.version})`,
      markedByViewer: sql<boolean>`exists (select 1 from review_marks rm where rm.progress_id = ${missionProgress.id} and rm.based_on_version = ${missionProgress.version} and rm.mentor_id = ${viewer.id})`,
    })
    .from(missionProgress)
    .innerJoin(users, eq(users.id, missionProgress.userId))
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .where(and(...where))
    .orderBy(sql`${missionProgress.submittedAt} asc nulls last`, asc(missionProgress.createdAt))
    .limit(500);
}

/** Reviews of an attempt, newest first, with their mentor's name and their scores. */
export async function reviewRows({ progressId, tx = db }: { progressId: string; tx?: Tx }) {
  const list = await tx
    .select({ review: reviews, mentorName: users.name })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(eq(reviews.progressId, progressId))
    .orderBy(desc(reviews.createdAt));
  if (list.length === 0) return [];
  const ids = list.map((l) => l.review.id);
  const [scores, anchors] = await Promise.all([
    tx.select().from(reviewScores).where(inArray(reviewScores.reviewId, ids)),
    tx.select().from(reviewAnchors).where(inArray(reviewAnchors.reviewId, ids)).orderBy(asc(reviewAnchors.position)),
  ]);
  return list.map((l) => ({ ...l, scores: scores.filter((s) => s.reviewId === l.review.id), anchors: anchors.filter((a) => a.reviewId === l.review.id) }));
}

/** The latest review of an attempt with its mentor's name (who got there first, in a 409). */
export async function latestReview({ progressId, tx = db }: { progressId: string; tx?: Tx }) {
  const [last] = await tx
    .select({ mentorName: users.name, outcome: reviews.outcome, createdAt: reviews.createdAt })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(eq(reviews.progressId, progressId))
    .orderBy(desc(reviews.createdAt))
    .limit(1);
  return last;
}

export type AnchorRow = typeof reviewAnchors.$inferSelect;

/** A review, its scores (one row per criterion) and its anchored remarks, in the caller's transaction. */
export async function insertReview(
  tx: Tx,
  review: typeof reviews.$inferInsert,
  scores: Omit<typeof reviewScores.$inferInsert, "reviewId">[],
  anchors: Omit<typeof reviewAnchors.$inferInsert, "reviewId">[] = [],
): Promise<ReviewRow> {
  const [row] = await tx.insert(reviews).values(review).returning();
  if (scores.length) await tx.insert(reviewScores).values(scores.map((s) => ({ ...s, reviewId: row.id })));
  if (anchors.length) await tx.insert(reviewAnchors).values(anchors.map((a, i) => ({ ...a, reviewId: row.id, position: i })));
  return row;
}

export async function learnerName({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return u;
}

/** Recipes by slug (title, summary, minutes), for recommendations in a review. */
export async function recipesBySlug({ slugs, tx = db }: { slugs: readonly string[]; tx?: Tx }) {
  if (slugs.length === 0) return [];
  return tx.select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, minutes: recipes.estimatedMinutes }).from(recipes).where(inArray(recipes.slug, [...slugs]));
}

/** Missions for the queue's filter. */
export async function missionFilterOptions({ tx = db }: { tx?: Tx } = {}) {
  return tx.select({ code: missions.code, title: missions.title }).from(missions).orderBy(asc(missions.code));
}

/** Published recipes for the recommendation picker. */
export async function publishedRecipeOptions({ tx = db }: { tx?: Tx } = {}) {
  return tx
    .select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, skills: recipes.skills, minutes: recipes.estimatedMinutes })
    .from(recipes)
    .where(eq(recipes.status, "published"))
    .orderBy(asc(recipes.title));
}

/** Recent reviews of a learner's attempts, newest first (dashboard notification). */
export async function recentReviewRows({ userId, days, limit, tx = db }: { userId: string; days: number; limit: number; tx?: Tx }) {
  return tx
    .select({ reviewId: reviews.id, outcome: reviews.outcome, score: reviews.score, createdAt: reviews.createdAt, mentorName: users.name, code: missions.code, title: missions.title })
    .from(reviews)
    .innerJoin(missionProgress, eq(missionProgress.id, reviews.progressId))
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(and(eq(missionProgress.userId, userId), sql`${reviews.createdAt} > now() - make_interval(days => ${days})`))
    .orderBy(desc(reviews.createdAt))
    .limit(limit);
}

/** Published missions of a track at the given tiers that the learner has not passed, except one. */
export async function unpassedMissions({ userId, track, tiers, exclude, tx = db }: { userId: string; track: string; tiers: readonly string[]; exclude: string; tx?: Tx }) {
  return tx
    .select({ id: missions.id, code: missions.code, title: missions.title, tier: missions.tier })
    .from(missions)
    .where(
      and(
        eq(missions.track, track),
        eq(missions.status, "published"),
        inArray(missions.tier, [...tiers] as (typeof TIERS)[number][]),
        sql`${missions.id} <> ${exclude}`,
        sql`not exists (select 1 from ${missionProgress} mp where mp.mission_id = ${missions.id} and mp.user_id = ${userId} and mp.passed)`,
      ),
    )
    .orderBy(asc(missions.code))
    .limit(20);
}

/** The portfolio item an attempt produced, if any. */
export async function portfolioItemOf({ progressId, tx = db }: { progressId: string; tx?: Tx }) {
  const [item] = await tx.select({ id: portfolioItems.id, public: portfolioItems.public, slug: portfolioItems.publicSlug }).from(portfolioItems).where(eq(portfolioItems.progressId, progressId));
  return item;
}

/** Adds a portfolio item once per attempt (a retried approval finds the first one). */
export async function insertPortfolioItem(tx: Tx, values: typeof portfolioItems.$inferInsert) {
  const [inserted] = await tx
    .insert(portfolioItems)
    .values(values)
    .onConflictDoNothing({ target: portfolioItems.progressId })
    .returning({ id: portfolioItems.id, slug: portfolioItems.publicSlug });
  return inserted ?? (await tx.select({ id: portfolioItems.id, slug: portfolioItems.publicSlug }).from(portfolioItems).where(eq(portfolioItems.progressId, values.progressId)))[0];
}

/** Each mentor's load: submissions of their learners waiting, the oldest of them, reviews written in 7 days (a mentor sees their own row). */
export async function mentorWorkloadRows({ viewer, tx = db }: { viewer: Viewer; tx?: Tx }) {
  const list = await rows<{ id: string; name: string; waiting: number; oldest: Date | string | null; reviews_7d: number }>(
    tx,
    sql`select u.id::text as id, u.name,
        count(distinct p.id) filter (where p.state in ('submitted', 'in_review'))::int as waiting,
        min(p.submitted_at) filter (where p.state in ('submitted', 'in_review')) as oldest,
        (select count(*) from reviews r where r.mentor_id = u.id and r.created_at > now() - interval '7 days')::int as reviews_7d
      from users u
      left join ${mentorLearnerPairs} ml on ml.mentor_id = u.id
      left join mission_progress p on p.user_id = ml.user_id
      where u.role = 'mentor' ${viewer.role === "admin" ? sql`` : sql`and u.id = ${viewer.id}`}
      group by u.id, u.name
      order by waiting desc, u.name`,
  );
  return list.map((r) => ({ ...r, oldest: r.oldest ? new Date(r.oldest) : null }));
}

/** Attempts sent back with changes requested, among the viewer's learners (everyone's for an admin), longest waiting first. */
export async function changesRequestedRows({ viewer, tx = db }: { viewer: Viewer; tx?: Tx }) {
  const where = [eq(missionProgress.state, "changes_requested")];
  if (viewer.role !== "admin") where.push(mentorLearnerCondition(viewer.id, missionProgress.userId));
  return tx
    .select({ progressId: missionProgress.id, learnerId: users.id, learnerName: users.name, code: missions.code, title: missions.title, since: missionProgress.reviewedAt })
    .from(missionProgress)
    .innerJoin(users, eq(users.id, missionProgress.userId))
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .where(and(...where))
    .orderBy(asc(missionProgress.reviewedAt))
    .limit(200);
}
