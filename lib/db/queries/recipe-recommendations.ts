import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missionStages, recipeLinks, recipeProgress, recipes, reviewScores, reviews, rubricCriteria, settings, trackEnrolments, missions } from "@/lib/db/schema";
import type { RecipeFeatures } from "@/lib/recipes/recommend";

// What lib/recipes/recommend.ts ranks by: one query over every published recipe with the user's
// completion, the author's links to the mission, the tracks/tiers of linked missions and whether a
// mentor recommended it; plus the user's recent rubric scores, tracks and passed missions. The
// choice of mission, stage and gaps is lib/recipes/recommendations.ts.

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
    // Set-based: each per-recipe figure is one grouped pass joined by recipe id, not a subquery run
    // once per recipe (that form scanned the reviews table once per published recipe and took ~20 ms
    // of Postgres CPU per stage page view; bench/RESULTS-stage.md).
    sql`with here as materialized (
        select l.recipe_id, coalesce(jsonb_agg(distinct l.stage_key) filter (where l.stage_key is not null), '[]'::jsonb) as stages,
          bool_or(l.stage_key is null) as whole_mission
        from ${recipeLinks} l where l.mission_id = ${m} group by l.recipe_id),
      linked as materialized (
        select l.recipe_id, jsonb_agg(distinct jsonb_build_object('track', lm.track, 'tier', lm.tier)) as missions
        from ${recipeLinks} l join ${missions} lm on lm.id = l.mission_id where lm.status = 'published' group by l.recipe_id),
      mentored as materialized (
        select distinct x.ref from ${reviews} rv join ${missionProgress} mp on mp.id = rv.progress_id
          cross join lateral jsonb_array_elements_text(case when jsonb_typeof(rv.recommended_recipes) = 'array' then rv.recommended_recipes else '[]'::jsonb end) x(ref)
        where mp.user_id = ${userId})
      select r.id, r.slug, r.title, r.summary, r.type, r.difficulty, r.estimated_minutes, r.skills, r.prerequisites,
        (p.completed_at is not null) as completed,
        coalesce(h.stages, '[]'::jsonb) as linked_stages,
        coalesce(h.whole_mission, false) as linked_to_mission,
        coalesce(k.missions, '[]'::jsonb) as linked_missions,
        exists (select 1 from mentored where ref = r.slug or ref = r.id::text) as mentor_recommended
      from ${recipes} r
      left join ${recipeProgress} p on p.recipe_id = r.id and p.user_id = ${userId}
      left join here h on h.recipe_id = r.id
      left join linked k on k.recipe_id = r.id
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

/**
 * What recommendations know of a learner, in one statement: their tracks (alphabetical), how many
 * distinct missions they passed per track and tier, their rubric scores newest first (each with the
 * skills of its criterion, else of its stage; at most 500), and the admin-set unlock threshold.
 */
export async function learnerStanding({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const [r] = await rows<{
    enrolled: string[];
    passed: { track: string; tier: string; n: number }[];
    scores: { ratio: number; criterion_skills: string[] | null; stage_skills: string[] | null }[];
    threshold: string | null;
  }>(
    tx,
    sql`select
        (select coalesce(json_agg(t.track order by t.track), '[]') from ${trackEnrolments} t where t.user_id = ${userId}) as enrolled,
        (select coalesce(json_agg(p), '[]') from (
           select m.track, m.tier, count(distinct m.id)::int as n from ${missionProgress} mp join ${missions} m on m.id = mp.mission_id
           where mp.user_id = ${userId} and mp.passed group by m.track, m.tier) p) as passed,
        (select coalesce(json_agg(json_build_object('ratio', s.ratio, 'criterion_skills', s.criterion_skills, 'stage_skills', s.stage_skills) order by s.n), '[]') from (
           select (rs.points / nullif(rs.max_points, 0))::float8 as ratio, rc.skills as criterion_skills, ms.required_skills as stage_skills,
             row_number() over (order by rv.created_at desc, rs.criterion_key) as n
           from ${reviewScores} rs
           join ${reviews} rv on rv.id = rs.review_id
           join ${missionProgress} mp on mp.id = rv.progress_id
           left join ${rubricCriteria} rc on rc.mission_id = mp.mission_id and rc.key = rs.criterion_key
           left join ${missionStages} ms on ms.mission_id = mp.mission_id and ms.key = coalesce(rs.stage_key, rc.stage_key)
           where mp.user_id = ${userId} and rs.max_points > 0
           order by rv.created_at desc, rs.criterion_key
           limit 500) s) as scores,
        (select value from ${settings} where key = 'unlock_threshold') as threshold`,
  );
  return {
    enrolled: r.enrolled,
    passed: r.passed,
    scores: r.scores.map((x) => ({ ratio: Number(x.ratio), skills: x.criterion_skills?.length ? x.criterion_skills : (x.stage_skills ?? []) })),
    threshold: r.threshold ?? undefined,
  };
}

/** Version and current stage of the user's latest attempt on a mission, if any. */
export async function latestAttemptPosition({ userId, missionId, tx = db }: { userId: string; missionId: string; tx?: Tx }) {
  const [attempt] = await tx
    .select({ version: missionProgress.missionVersion, currentStage: missionProgress.currentStage })
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, userId), eq(missionProgress.missionId, missionId)))
    .orderBy(desc(missionProgress.attempt))
    .limit(1);
  return attempt;
}
