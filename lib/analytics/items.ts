import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { sqlTextArray } from "@/lib/db/sql";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { visibleStageMs } from "@/lib/db/queries/stage-time";

/**
 * Dashboard figures as additive "items" per mission: counts, sums and value histograms that can be
 * added across missions. One query per kind (itemBody) computes them over a relation of attempts.
 * Scopes that rollupScope() names (everyone, a cohort, an organisation, and day-aligned date ranges
 * of those) read them from mission_rollup_items, refreshed per changed mission; any other scope (a
 * mentor's own learners, a range that is not whole days) computes them for the request. withSource
 * (source.ts) decides which once per request; either way the sections (performance.ts, heatmap.ts)
 * are the same SQL over an item relation (itemSource), so the two paths cannot drift apart.
 *
 * Columns: scope ("" = everyone, "cohort:<id>", "org:<id>", "range:<from>..<to>|<one of those>"),
 * mission_id, kind, key, sub, value, n, n2, n3, total, max.
 */
export const ITEM_KINDS = {
  /**
   * key → n: attempts, starts, learners, submissions, reviewed, passed, expired; score (n scored,
   * total = their sum); hints (n attempts with hints, n2 unlocks, total = penalty); max_depth (max).
   */
  count: "per-mission counters",
  /** value = score decile 0–9 → n attempts. */
  score_bucket: "score distribution",
  /** value = a score → n attempts (see VALUE_LIMIT for when values are rounded). */
  score_value: "score values, for the median",
  /** value = submitted − started in ms → n attempts. */
  duration_value: "time to complete, for median and p90",
  /** value = depth d (1–12), key = stage at that depth → n unsubmitted attempts that reached it. */
  depth: "stage funnel",
  /** key = decision, sub = choice → n attempts, n3 of them scored, total = their score sum. */
  decision: "decision distribution",
  /** value = choices off the expert path → n attempts, n3 scored, total score sum. */
  deviation: "deviation from the expert path",
  /** key = stage → n unlocks, n2 attempts, max = highest level. */
  hint_stage: "hint use by stage",
  /** key = tool → n uses, n2 attempts, n3 scored uses, total score sum over uses. */
  tool: "tool use",
  /** key = stage → n attempts that completed it. */
  stage_done: "mission × stage heatmap",
  /**
   * key = stage → n attempts with time there, total ms, value = their median ms. Stages belong to
   * one mission, so this median is never merged across missions and is stored exactly.
   */
  stage_time: "time per stage",
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const ALL_KINDS = Object.keys(ITEM_KINDS) as ItemKind[];

/**
 * Every table the item queries below read (with scopedAttempts, LEARNER_SCOPES and CELL_BIT): the
 * rollup is exact only while a write to any of them marks its mission in analytics_dirty, or is
 * covered as MARKED_THROUGH (kept.ts) says. kept.int.test.ts checks both, and that computing the
 * rollup reads no other table, so a kind that joins a new table must name it here.
 */
export const ITEM_READS = [
  "mission_progress",
  "missions",
  "stage_completions",
  "stage_time",
  "telemetry_events",
  "decisions_made",
  "decision_points",
  "decision_choices",
  "hints_unlocked",
  "tools_used",
  "cohort_members",
  "cohorts",
] as const;

/**
 * A value histogram keeps exact values while a mission's group has at most this many distinct ones,
 * so small data gives exactly SQL's percentile_cont. Above it values are rounded (scores to whole points,
 * times to 2 significant digits: at most 5 % off), which keeps the rollup small at 100k attempts.
 */
export const VALUE_LIMIT = 256;

const FROM = sql`from mission_progress p join missions m on m.id = p.mission_id`;

/** scope, mission_id, kind, key, sub, value, n, n2, n3, total, max — in that order, typed. */
const item = (kind: ItemKind, f: { key?: SQL; sub?: SQL; value?: SQL; n?: SQL; n2?: SQL; n3?: SQL; total?: SQL; max?: SQL }) =>
  sql`p.scope, p.mission_id, ${kind}::text as kind, coalesce((${f.key ?? sql`''`})::text, '') as key, coalesce((${f.sub ?? sql`''`})::text, '') as sub, (${f.value ?? sql`0`})::float8 as value,
    (${f.n ?? sql`0`})::int as n, (${f.n2 ?? sql`0`})::int as n2, (${f.n3 ?? sql`0`})::int as n3, coalesce(${f.total ?? sql`0`}, 0)::float8 as total, coalesce(${f.max ?? sql`0`}, 0)::int as max`;

const roundScore = (x: SQL) => sql`round(${x})`;
const roundMs = (x: SQL) => sql`(case when ${x} < 10 then round(${x}) else round(${x} / 10 ^ (floor(log(${x})) - 1)) * 10 ^ (floor(log(${x})) - 1) end)`;

/** A value histogram per (scope, mission, key) from rows (scope, mission_id, key, v); see VALUE_LIMIT. */
function valueItems(kind: ItemKind, source: SQL, round: (x: SQL) => SQL): SQL {
  return sql`select v.scope, v.mission_id, ${kind}::text as kind, v.key, ''::text as sub, (case when d.coarse then ${round(sql`v.v`)} else v.v end)::float8 as value,
      count(*)::int as n, 0 as n2, 0 as n3, 0::float8 as total, 0 as max
    from (${source}) v
    join (select scope, mission_id, key, count(distinct v) > ${VALUE_LIMIT} as coarse from (${source}) v2 group by 1, 2, 3) d
      on d.scope = v.scope and d.mission_id = v.mission_id and d.key = v.key
    group by v.scope, v.mission_id, v.key, 6`;
}

/**
 * The scopes a learner's figures are rolled up for, besides "" (everyone): each cohort they belong
 * to, and each organisation owning one of those cohorts (an enterprise viewer's whole view).
 */
export const LEARNER_SCOPES = sql`(select cm.user_id, 'cohort:' || cm.cohort_id::text as scope from cohort_members cm
  union select cm.user_id, 'org:' || c.organisation_id::text from cohort_members cm join cohorts c on c.id = cm.cohort_id)`;

/**
 * The attempts matching `where`, one row per scope they count in: only "" (a live query), every
 * stored scope (`expandScopes`, for a refresh: each cohort and organisation of their learner, and each
 * kept date range they started in), or one kept date range (`range`, computing it the first time).
 */
export function scopedAttempts(where: SQL, { expandScopes = false, range }: { expandScopes?: boolean; range?: string } = {}): SQL {
  const cols = sql`p.id, p.mission_id, p.user_id, p.attempt, p.state, p.path, p.started_at, p.submitted_at, p.score, p.passed`;
  // Ranges of everyone, then ranges of a cohort or organisation the learner belongs to (analytics_ranges.base).
  const inRange = sql`p.started_at >= coalesce(r.from_at, '-infinity') and p.started_at < coalesce(r.to_at, 'infinity')${range === undefined ? sql`` : sql` and r.scope = ${range}`}`;
  const ranges = sql`select r.scope, ${cols} ${FROM} join analytics_ranges r on r.base = '' and ${inRange} where ${where}
    union all select r.scope, ${cols} ${FROM} join ${LEARNER_SCOPES} ls on ls.user_id = p.user_id join analytics_ranges r on r.base = ls.scope and ${inRange} where ${where}`;
  if (range !== undefined) return ranges;
  const everyone = sql`select ''::text as scope, ${cols} ${FROM} where ${where}`;
  if (!expandScopes) return everyone;
  return sql`${everyone} union all select ls.scope, ${cols} ${FROM} join ${LEARNER_SCOPES} ls on ls.user_id = p.user_id where ${where} union all ${ranges}`;
}

/**
 * One kind's query over `attempts`: a relation of the attempts to count, per scope (scopedAttempts'
 * rows, materialised by compute.ts).
 */
export function itemBody(kind: ItemKind, attempts: SQL): SQL {
  switch (kind) {
    case "count":
      return sql`select a.scope, a.mission_id, 'count'::text as kind, k.key, ''::text as sub, 0::float8 as value, k.n, k.n2, 0 as n3, k.total, k.max
        from (
          select p.scope, p.mission_id, count(*)::int as attempts, count(*) filter (where p.attempt = 1)::int as starts,
            count(distinct p.user_id)::int as learners, count(*) filter (where p.submitted_at is not null)::int as submissions,
            count(*) filter (where p.passed is not null)::int as reviewed, count(*) filter (where p.passed)::int as passed,
            count(*) filter (where p.state = 'expired')::int as expired, count(p.score)::int as scored, coalesce(sum(p.score), 0)::float8 as score_sum,
            coalesce(max(least(jsonb_array_length(p.path), 12)), 0)::int as max_depth
          from ${attempts} p group by p.scope, p.mission_id
        ) a cross join lateral (values
          ('attempts', a.attempts, 0, 0::float8, 0), ('starts', a.starts, 0, 0, 0), ('learners', a.learners, 0, 0, 0),
          ('submissions', a.submissions, 0, 0, 0), ('reviewed', a.reviewed, 0, 0, 0), ('passed', a.passed, 0, 0, 0),
          ('expired', a.expired, 0, 0, 0), ('score', a.scored, 0, a.score_sum, 0), ('max_depth', 0, 0, 0, a.max_depth)
        ) k(key, n, n2, total, max)
        union all
        select ${item("count", { key: sql`'hints'`, n: sql`count(distinct p.id)`, n2: sql`count(*)`, total: sql`sum(hu.penalty)` })}
        from ${attempts} p join hints_unlocked hu on hu.progress_id = p.id group by p.scope, p.mission_id`;
    case "score_bucket":
      return sql`select ${item(kind, { value: sql`least(floor(p.score / 10), 9)`, n: sql`count(*)` })}
        from ${attempts} p where p.score is not null group by p.scope, p.mission_id, 6`;
    case "score_value":
      return valueItems(kind, sql`select p.scope, p.mission_id, ''::text as key, p.score::float8 as v from ${attempts} p where p.score is not null`, roundScore);
    case "duration_value":
      return valueItems(
        kind,
        sql`select p.scope, p.mission_id, ''::text as key, extract(epoch from p.submitted_at - p.started_at)::float8 * 1000 as v from ${attempts} p where p.submitted_at is not null`,
        roundMs,
      );
    case "depth":
      return sql`select ${item(kind, { key: sql`p.path->>(d - 1)`, value: sql`d`, n: sql`count(*)` })}
        from ${attempts} p cross join lateral generate_series(1, least(jsonb_array_length(p.path), 12)) d
        where p.submitted_at is null group by p.scope, p.mission_id, 4, 6`;
    case "decision":
      return sql`select ${item(kind, { key: sql`dm.decision_key`, sub: sql`dm.choice_key`, n: sql`count(*)`, n3: sql`count(p.score)`, total: sql`sum(p.score)` })}
        from ${attempts} p join decisions_made dm on dm.progress_id = p.id group by p.scope, p.mission_id, dm.decision_key, dm.choice_key`;
    case "deviation":
      return sql`select per.scope, per.mission_id, 'deviation'::text as kind, ''::text as key, ''::text as sub, per.deviations::float8 as value,
          count(*)::int as n, 0 as n2, count(per.score)::int as n3, coalesce(sum(per.score), 0)::float8 as total, 0 as max
        from (
          select p.scope, p.id, p.mission_id, p.score,
            count(*) filter (where not dc.ideal and exists (select 1 from decision_choices i where i.decision_id = dp.id and i.ideal)) as deviations
          from ${attempts} p join decisions_made dm on dm.progress_id = p.id
          join decision_points dp on dp.mission_id = p.mission_id and dp.key = dm.decision_key
          join decision_choices dc on dc.decision_id = dp.id and dc.key = dm.choice_key
          group by p.scope, p.id, p.mission_id, p.score
        ) per group by per.scope, per.mission_id, per.deviations`;
    case "hint_stage":
      return sql`select ${item(kind, { key: sql`hu.stage_key`, n: sql`count(*)`, n2: sql`count(distinct hu.progress_id)`, max: sql`max(hu.level)` })}
        from ${attempts} p join hints_unlocked hu on hu.progress_id = p.id group by p.scope, p.mission_id, hu.stage_key`;
    case "tool":
      return sql`select ${item(kind, { key: sql`tu.tool`, n: sql`count(*)`, n2: sql`count(distinct tu.progress_id)`, n3: sql`count(p.score)`, total: sql`sum(p.score)` })}
        from ${attempts} p join tools_used tu on tu.progress_id = p.id group by p.scope, p.mission_id, tu.tool`;
    case "stage_done":
      return sql`select ${item(kind, { key: sql`sc.stage_key`, n: sql`count(*)` })}
        from ${attempts} p join stage_completions sc on sc.progress_id = p.id group by p.scope, p.mission_id, sc.stage_key`;
    case "stage_time":
      return sql`select t.scope, t.mission_id, 'stage_time'::text as kind, t.stage_key as key, ''::text as sub,
          percentile_cont(0.5) within group (order by t.ms)::float8 as value,
          count(*)::int as n, 0 as n2, 0 as n3, sum(t.ms)::float8 as total, 0 as max
        from (${visibleStageMs(attempts)}) t group by t.scope, t.mission_id, t.stage_key`;
  }
}

/**
 * Weighted percentiles (percentile_cont's definition: linear between the two closest ranks) per
 * group, from a relation (g, value, n). Returns g, count, and one column per quantile name.
 */
export function weightedPercentiles(source: SQL, qs: Record<string, number>): SQL {
  const cols = Object.entries(qs).map(([name, q]) => {
    const pos = sql`(tot - 1) * ${q}::float8`;
    const lo = sql`min(value) filter (where cum > floor(${pos}))`;
    const hi = sql`min(value) filter (where cum > ceil(${pos}))`;
    return sql`${lo} + (${hi} - ${lo}) * (${pos} - floor(${pos})) as ${sql.identifier(name)}`;
  });
  return sql`with h as (select g, value, sum(n)::float8 as n from ${source} src group by g, value),
      c as (select g, value, sum(n) over (partition by g order by value) as cum, sum(n) over (partition by g) as tot from h)
    select g, tot::int as count, ${sql.join(cols, sql`, `)} from c group by g, tot`;
}

/** The bit of a track × tier cell in learner_cells.cells, as SQL over `m`. */
export const CELL_BIT = sql`(1 << ((array_position(${sqlTextArray(TRACKS)}, m.track) - 1) * ${TIERS.length} + array_position(${sqlTextArray(TIERS)}, m.tier) - 1))`;

/** The cells a track/tier filter covers. */
export function cellMask(s: { track?: string; tier?: string }): number {
  let mask = 0;
  TRACKS.forEach((track, i) =>
    TIERS.forEach((tier, j) => {
      if ((!s.track || s.track === track) && (!s.tier || s.tier === tier)) mask |= 1 << (i * TIERS.length + j);
    }),
  );
  return mask;
}
