import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missions, recipeLinks, recipeProgress, recipeUses, recipes, telemetryEvents } from "@/lib/db/schema";
import { mentorLearnerCondition, type Viewer } from "./access";
import { effectiveness, type Effectiveness, type GroupCounts } from "@/lib/recipes/effectiveness";

// Recipe analytics (SPEC §3 "Analytics"): usage from telemetry and progress rows, and
// effectiveness from reviewed attempts. Counts are computed in SQL; the statistics in
// lib/recipes/effectiveness.ts.

export interface DateRange {
  /** Inclusive, YYYY-MM-DD (UTC). */
  from?: string;
  /** Inclusive, YYYY-MM-DD (UTC). */
  to?: string;
}

function between(column: SQL | typeof telemetryEvents.occurredAt, range: DateRange): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${column} >= ${range.from}::date`);
  if (range.to) parts.push(sql`${column} < (${range.to}::date + 1)`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * Whose attempts a viewer counts: admins everyone, mentors their learners, anyone else nobody (the
 * use case, recipeEffectiveness in lib/analytics/recipes.ts, refuses them first). `null` is the
 * system itself (the recommender's aggregate over everyone).
 */
function attemptScope(viewer: Viewer | null, userColumn: SQL): SQL {
  if (viewer === null || viewer.role === "admin") return sql`true`;
  if (viewer.role === "mentor") return mentorLearnerCondition(viewer.id, userColumn);
  return sql`false`;
}

export interface EffectivenessRow {
  recipe: { slug: string; title: string };
  mission: { code: string; title: string };
  counts: { used: GroupCounts; notUsed: GroupCounts };
  result: Effectiveness;
}

/**
 * For each (recipe, mission) link: reviewed attempts of the mission split by whether the learner
 * used the recipe before submitting — a `recipe_uses` row, or a `recipe.completed` /
 * `recipe.marked_used` event, at or before `submitted_at` — with passes and score sums per group.
 */
export async function effectivenessCounts({
  caller,
  missionId,
  recipeSlug,
  range = {},
  tx = db,
}: {
  caller: Viewer | null;
  missionId?: string;
  recipeSlug?: string;
  range?: DateRange;
  tx?: Tx;
}): Promise<EffectivenessRow[]> {
  const scope = attemptScope(caller, sql`mp.user_id`);
  const found = await rows<{
    slug: string;
    recipe_title: string;
    code: string;
    mission_title: string;
    used_attempts: number;
    used_passed: number;
    used_score: number | null;
    other_attempts: number;
    other_passed: number;
    other_score: number | null;
  }>(
    tx,
    sql`with pairs as (
      select distinct l.recipe_id, l.mission_id from ${recipeLinks} l
      join ${recipes} r on r.id = l.recipe_id
      where l.mission_id is not null
        ${missionId ? sql`and l.mission_id = ${missionId}` : sql``}
        ${recipeSlug ? sql`and r.slug = ${recipeSlug}` : sql``}
    ),
    attempts as (
      select p.recipe_id, p.mission_id, mp.passed, mp.score,
        (exists (select 1 from ${recipeUses} u where u.user_id = mp.user_id and u.recipe_id = p.recipe_id and u.created_at <= mp.submitted_at)
         or exists (select 1 from ${telemetryEvents} e where e.recipe_id = p.recipe_id and e.user_id = mp.user_id
                     and e.type in ('recipe.completed', 'recipe.marked_used') and e.occurred_at <= mp.submitted_at)) as used
      from pairs p
      join ${missionProgress} mp on mp.mission_id = p.mission_id
      where mp.reviewed_at is not null and mp.passed is not null and mp.submitted_at is not null
        and ${scope} and ${between(sql`mp.submitted_at`, range)}
    ),
    agg as (
      select recipe_id, mission_id,
        count(*) filter (where used)::int as used_attempts,
        count(*) filter (where used and passed)::int as used_passed,
        sum(score) filter (where used)::float8 as used_score,
        count(*) filter (where not used)::int as other_attempts,
        count(*) filter (where not used and passed)::int as other_passed,
        sum(score) filter (where not used)::float8 as other_score
      from attempts group by recipe_id, mission_id
    )
    select r.slug, r.title as recipe_title, m.code, m.title as mission_title,
      coalesce(a.used_attempts, 0) as used_attempts, coalesce(a.used_passed, 0) as used_passed, a.used_score,
      coalesce(a.other_attempts, 0) as other_attempts, coalesce(a.other_passed, 0) as other_passed, a.other_score
    from pairs p
    join ${recipes} r on r.id = p.recipe_id
    join ${missions} m on m.id = p.mission_id
    left join agg a on a.recipe_id = p.recipe_id and a.mission_id = p.mission_id
    order by m.code, r.slug`,
  );
  return found.map((f) => {
    const used: GroupCounts = { attempts: Number(f.used_attempts), passed: Number(f.used_passed), scoreSum: f.used_score === null ? null : Number(f.used_score) };
    const notUsed: GroupCounts = { attempts: Number(f.other_attempts), passed: Number(f.other_passed), scoreSum: f.other_score === null ? null : Number(f.other_score) };
    return { recipe: { slug: f.slug, title: f.recipe_title }, mission: { code: f.code, title: f.mission_title }, counts: { used, notUsed }, result: effectiveness(used, notUsed) };
  });
}

export interface RecipeUsageRow {
  slug: string;
  title: string;
  views: number;
  viewers: number;
  timeSpentMs: number;
  /** Mean time per view with a measured duration. */
  meanViewMs: number | null;
  learners: number;
  completions: number;
  completionRate: number | null;
  usedBy: number;
  usedInMissionRate: number | null;
}

/**
 * Usage per recipe: views and time spent (from `recipe.viewed` telemetry with `duration_ms`),
 * learners who opened it and completed it (`recipe_progress`), and learners who marked it used in
 * a mission (`recipe_uses`), over everyone: admin-only (the page checks the role first).
 */
export async function recipeUsage({ range = {}, tx = db }: { range?: DateRange; tx?: Tx } = {}): Promise<RecipeUsageRow[]> {
  const found = await rows<{
    slug: string;
    title: string;
    views: number;
    viewers: number;
    timed_views: number;
    time_ms: number;
    learners: number;
    completions: number;
    used_by: number;
  }>(
    tx,
    sql`with v as (
      select e.recipe_id, count(*)::int as views, count(distinct e.user_id)::int as viewers,
        count(*) filter (where jsonb_typeof(e.payload->'duration_ms') = 'number')::int as timed_views,
        coalesce(sum(case when jsonb_typeof(e.payload->'duration_ms') = 'number' then (e.payload->>'duration_ms')::numeric end), 0)::float8 as time_ms
      from ${telemetryEvents} e
      where e.type = 'recipe.viewed' and e.recipe_id is not null and ${between(sql`e.occurred_at`, range)}
      group by e.recipe_id
    ),
    p as (
      select recipe_id, count(*)::int as learners,
        count(*) filter (where completed_at is not null and ${between(sql`completed_at`, range)})::int as completions
      from ${recipeProgress} group by recipe_id
    ),
    u as (
      select recipe_id, count(distinct user_id)::int as used_by from ${recipeUses}
      where ${between(sql`created_at`, range)} group by recipe_id
    )
    select r.slug, r.title, coalesce(v.views, 0) as views, coalesce(v.viewers, 0) as viewers, coalesce(v.timed_views, 0) as timed_views,
      coalesce(v.time_ms, 0) as time_ms, coalesce(p.learners, 0) as learners, coalesce(p.completions, 0) as completions, coalesce(u.used_by, 0) as used_by
    from ${recipes} r
    left join v on v.recipe_id = r.id
    left join p on p.recipe_id = r.id
    left join u on u.recipe_id = r.id
    order by coalesce(v.views, 0) desc, coalesce(p.learners, 0) desc, r.slug`,
  );
  return found.map((f) => {
    const learners = Number(f.learners);
    return {
      slug: f.slug,
      title: f.title,
      views: Number(f.views),
      viewers: Number(f.viewers),
      timeSpentMs: Number(f.time_ms),
      meanViewMs: Number(f.timed_views) > 0 ? Number(f.time_ms) / Number(f.timed_views) : null,
      learners,
      completions: Number(f.completions),
      completionRate: learners > 0 ? Number(f.completions) / learners : null,
      usedBy: Number(f.used_by),
      usedInMissionRate: learners > 0 ? Number(f.used_by) / learners : null,
    };
  });
}

/** "Marked as used" per mission stage: which stages each recipe helped with, most used first. */
export async function usesPerStage({ range = {}, limit = 50, tx = db }: { range?: DateRange; limit?: number; tx?: Tx } = {}) {
  const found = await rows<{ slug: string; title: string; code: string; stage_key: string; uses: number; learners: number }>(
    tx,
    sql`select r.slug, r.title, m.code, u.stage_key, count(*)::int as uses, count(distinct u.user_id)::int as learners
        from ${recipeUses} u join ${recipes} r on r.id = u.recipe_id join ${missions} m on m.id = u.mission_id
        where u.stage_key is not null and ${between(sql`u.created_at`, range)}
        group by r.slug, r.title, m.code, u.stage_key
        order by uses desc, r.slug, m.code, u.stage_key limit ${limit}`,
  );
  return found.map((f) => ({ slug: f.slug, title: f.title, mission: f.code, stage: f.stage_key, uses: Number(f.uses), learners: Number(f.learners) }));
}
