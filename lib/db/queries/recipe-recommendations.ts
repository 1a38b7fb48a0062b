import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import {
  missionProgress,
  missionStages,
  recipeLinks,
  recipeProgress,
  recipes,
  reviewScores,
  reviews,
  rubricCriteria,
  settings,
  trackEnrolments,
  missions,
} from "@/lib/db/schema";
import { TIERS } from "@/lib/db/schema/enums";
import { env } from "@/lib/env";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { successors } from "@/lib/missions/graph";
import { END } from "@/lib/content/schemas";
import { recommend, type LearnerContext, type MissionContext, type RecipeFeatures, type StageContext } from "@/lib/recipes/recommend";
import { findMission, missionContent } from "./missions";
import { effectivenessCounts } from "./recipe-analytics";

// Features for lib/recipes/recommend.ts: one query over every published recipe with the caller's
// completion, the author's links to the mission, the tracks/tiers of linked missions and whether a
// mentor recommended it; plus the learner's gaps, tracks and tier.

export async function recommendationFeatures({ userId, missionId, tx = db }: { userId: string; missionId: string | null; tx?: Tx }) {
  const m = missionId ? sql`${missionId}::uuid` : sql`null::uuid`;
  const found = await rows<{
    id: string;
    slug: string;
    title: string;
    summary: string;
    type: string;
    difficulty: string;
    estimated_minutes: number;
    skills: string[];
    prerequisites: string[];
    completed: boolean;
    linked_stages: string[];
    linked_to_mission: boolean;
    linked_missions: { track: string; tier: string }[];
    mentor_recommended: boolean;
  }>(
    tx,
    sql`select r.id, r.slug, r.title, r.summary, r.type, r.difficulty, r.estimated_minutes, r.skills, r.prerequisites,
      (p.completed_at is not null) as completed,
      coalesce((select jsonb_agg(distinct l.stage_key) from ${recipeLinks} l where l.recipe_id = r.id and l.mission_id = ${m} and l.stage_key is not null), '[]'::jsonb) as linked_stages,
      exists (select 1 from ${recipeLinks} l where l.recipe_id = r.id and l.mission_id = ${m} and l.stage_key is null) as linked_to_mission,
      coalesce((select jsonb_agg(distinct jsonb_build_object('track', lm.track, 'tier', lm.tier)) from ${recipeLinks} l
                join ${missions} lm on lm.id = l.mission_id where l.recipe_id = r.id and lm.status = 'published'), '[]'::jsonb) as linked_missions,
      exists (select 1 from ${reviews} rv join ${missionProgress} mp on mp.id = rv.progress_id
              where mp.user_id = ${userId} and (rv.recommended_recipes @> jsonb_build_array(r.slug) or rv.recommended_recipes @> jsonb_build_array(r.id::text))) as mentor_recommended
    from ${recipes} r
    left join ${recipeProgress} p on p.recipe_id = r.id and p.user_id = ${userId}
    where r.status = 'published'`,
  );
  return found.map(
    (f): RecipeFeatures & { id: string } => ({
      id: f.id,
      slug: f.slug,
      title: f.title,
      summary: f.summary,
      type: f.type,
      difficulty: f.difficulty,
      estimatedMinutes: Number(f.estimated_minutes),
      skills: f.skills,
      prerequisites: f.prerequisites,
      completed: f.completed,
      linkedStages: f.linked_stages,
      linkedToMission: f.linked_to_mission,
      linkedMissions: f.linked_missions,
      mentorRecommended: f.mentor_recommended,
      effect: null,
    }),
  );
}

/** Share of points below which a rubric criterion counts as a gap. */
export const GAP_THRESHOLD = 0.5;

/**
 * Skills the learner is weak in: for each skill, the most recent rubric score that covered it
 * (a criterion's `skills`, else its stage's `required_skills`); a gap when it was below half marks.
 * Most recent first.
 */
export async function learnerGaps({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<string[]> {
  const found = await rows<{ ratio: number; criterion_skills: string[] | null; stage_skills: string[] | null }>(
    tx,
    sql`select (rs.points / nullif(rs.max_points, 0))::float8 as ratio, rc.skills as criterion_skills, ms.required_skills as stage_skills
        from ${reviewScores} rs
        join ${reviews} rv on rv.id = rs.review_id
        join ${missionProgress} mp on mp.id = rv.progress_id
        left join ${rubricCriteria} rc on rc.mission_id = mp.mission_id and rc.key = rs.criterion_key
        left join ${missionStages} ms on ms.mission_id = mp.mission_id and ms.key = coalesce(rs.stage_key, rc.stage_key)
        where mp.user_id = ${userId} and rs.max_points > 0
        order by rv.created_at desc, rs.criterion_key
        limit 500`,
  );
  const latest = new Map<string, number>();
  for (const r of found) {
    const skills = r.criterion_skills?.length ? r.criterion_skills : (r.stage_skills ?? []);
    for (const s of skills) if (!latest.has(s)) latest.set(s, Number(r.ratio));
  }
  return [...latest].filter(([, ratio]) => ratio < GAP_THRESHOLD).map(([s]) => s);
}

/**
 * The learner's tracks and current tier in each: the first tier where they have not yet passed
 * `unlock_threshold` missions (the tier they are working in).
 */
export async function learnerTracks({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const [enrolled, passed, [setting]] = await Promise.all([
    tx.select({ track: trackEnrolments.track }).from(trackEnrolments).where(eq(trackEnrolments.userId, userId)).orderBy(trackEnrolments.track),
    rows<{ track: string; tier: string; n: number }>(
      tx,
      sql`select m.track, m.tier, count(distinct m.id)::int as n from ${missionProgress} mp join ${missions} m on m.id = mp.mission_id
          where mp.user_id = ${userId} and mp.passed group by m.track, m.tier`,
    ),
    tx.select({ value: settings.value }).from(settings).where(eq(settings.key, "unlock_threshold")),
  ]);
  const threshold = setting && Number.isFinite(Number(setting.value)) ? Number(setting.value) : env().SORTIE_UNLOCK_THRESHOLD;
  return enrolled.map(({ track }) => {
    let tier: string = TIERS[0];
    for (let i = 0; i < TIERS.length - 1; i++) {
      const n = passed.find((p) => p.track === track && p.tier === TIERS[i])?.n ?? 0;
      if (Number(n) >= threshold && threshold > 0) tier = TIERS[i + 1];
      else break;
    }
    return { track, tier };
  });
}

export interface RecommendationsResult {
  mission: { code: string; title: string } | null;
  stage: { key: string; title: string; number: number } | null;
  items: ReturnType<typeof recommend>;
}

/**
 * Recommendations for the caller: at a stage of a mission (stage defaults to where their current
 * attempt is, else the first stage), or from their tracks, tier and gaps when no mission is given.
 */
export async function recommendationsFor({
  caller,
  mission: missionRef,
  stage: stageKey,
  limit = 5,
  tx = db,
}: {
  caller: Caller;
  mission?: string;
  stage?: string;
  limit?: number;
  tx?: Tx;
}): Promise<RecommendationsResult> {
  const [gaps, tracks] = await Promise.all([learnerGaps({ userId: caller.id, tx }), learnerTracks({ userId: caller.id, tx })]);
  const learner: LearnerContext = { gaps, tracks };
  if (!missionRef) {
    const features = await recommendationFeatures({ userId: caller.id, missionId: null, tx });
    return { mission: null, stage: null, items: recommend(features, { mission: null, learner, limit }) };
  }

  const mission = await findMission({ idOrCode: missionRef, tx });
  if (!mission || (mission.status !== "published" && caller.role !== "admin")) throw errors.notFound("Mission");
  // The content the caller plays: the version of their attempt, else the current one.
  const [attempt] = await tx
    .select({ version: missionProgress.missionVersion, currentStage: missionProgress.currentStage })
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, caller.id), eq(missionProgress.missionId, mission.id)))
    .orderBy(desc(missionProgress.attempt))
    .limit(1);
  const content = (attempt && (await missionContent({ missionId: mission.id, version: attempt.version, tx }))) || (await missionContent({ missionId: mission.id, version: mission.version, tx }));
  if (!content) throw errors.notFound("Mission");
  const key = stageKey ?? attempt?.currentStage ?? content.stages[0].key;
  const index = content.stages.findIndex((s) => s.key === key);
  if (index < 0) throw errors.validation({ stage: `mission ${mission.code} has no stage "${key}"` });
  const toCtx = (i: number): StageContext => ({ key: content.stages[i].key, title: content.stages[i].title, number: i + 1, requiredSkills: content.stages[i].required_skills });
  const next = successors(content, key)
    .filter((k) => k !== END)
    .map((k) => content.stages.findIndex((s) => s.key === k))
    .filter((i) => i >= 0)
    .map(toCtx);
  const ctx: MissionContext = { stage: toCtx(index), next };

  const [features, measured] = await Promise.all([
    recommendationFeatures({ userId: caller.id, missionId: mission.id, tx }),
    // Effectiveness is an aggregate over every learner's attempts (shown only with enough data).
    effectivenessCounts({ caller: null, missionId: mission.id, tx }),
  ]);
  const effectBySlug = new Map(measured.filter((e) => e.result.difference).map((e) => [e.recipe.slug, e.result.difference!.estimate]));
  for (const f of features) f.effect = effectBySlug.get(f.slug) ?? null;
  return {
    mission: { code: mission.code, title: mission.title },
    stage: { key: ctx.stage.key, title: ctx.stage.title, number: ctx.stage.number },
    items: recommend(features, { mission: ctx, learner, limit }),
  };
}
