import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { visibleStageMs } from "@/lib/db/queries/stage-time";

/**
 * Dashboard figures as additive "items": counts, sums and value histograms that add up across
 * attempts, days and missions. factBody(kind) computes one attempt's items (its *facts*) from the raw
 * tables; the aggregates (aggregates.ts) are the facts of every attempt summed per (scope, mission,
 * UTC start day), kept up to date by adding each change's delta. Every section (performance.ts,
 * heatmap.ts) is SQL over an item relation (itemSource in source.ts): the aggregates of a scope's
 * days, or the facts of the attempts a live scope counts, summed the same way.
 *
 * Columns of an item: kind, key, sub, value → n, n2, n3, total.
 */
export const ITEM_KINDS = {
  /**
   * key → n: attempts, starts, submissions, reviewed, passed, expired; score (n scored, total = their
   * sum); hints (n attempts with hints, n2 unlocks, total = penalty); max_depth (value = an attempt's
   * depth, capped at 12, n attempts: the figure is the largest value).
   */
  count: "per-mission counters",
  /** value = score decile 0–9 → n attempts. */
  score_bucket: "score distribution",
  /** value = a score, to 3 significant digits (histogramValue) → n attempts. */
  score_value: "score values, for the median",
  /** value = submitted − started in ms, to 3 significant digits (histogramValue) → n attempts. */
  duration_value: "time to complete, for median and p90",
  /** value = depth d (1–12), key = stage at that depth → n unsubmitted attempts that reached it. */
  depth: "stage funnel",
  /** key = decision, sub = choice → n choices made, n3 of them in scored attempts, total = their score sum. */
  decision: "decision distribution",
  /** value = choices off the expert path → n attempts, n3 scored, total score sum. */
  deviation: "deviation from the expert path",
  /** key = stage, value = highest level an attempt unlocked there → n unlocks, n2 attempts. */
  hint_stage: "hint use by stage",
  /** key = tool → n uses, n2 attempts, n3 scored uses, total score sum over uses. */
  tool: "tool use",
  /** key = stage → n completions. */
  stage_done: "mission × stage heatmap",
  /**
   * key = stage, value = an attempt's visible ms there, to 3 significant digits (histogramValue) → n
   * attempts, total = the exact ms (the mean stays exact; median: weightedPercentiles).
   */
  stage_time: "time per stage",
  /**
   * An open attempt (in progress or changes requested): key = its current stage, value = the UTC day of
   * its last activity (days since 1970-01-01) → n = 1. Abandoned attempts are those below the cutoff's
   * day, plus that day's idle ones counted live (abandoned.ts).
   */
  open: "open attempts by day of last activity, for abandoned attempts",
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const ALL_KINDS = Object.keys(ITEM_KINDS) as ItemKind[];

/**
 * Every table factBody reads (with the scopes of a learner, see aggregates.ts): the aggregates are
 * exact only while a write to any of them appends to analytics_changes, or is covered as
 * MARKED_THROUGH (kept.ts) says. kept.int.test.ts checks both.
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
 * A value of a histogram kind (score_value, duration_value, stage_time) rounded to 3 significant digits,
 * HdrHistogram-style: 123,456 ms → 123,000 ms, 56.5087 → 56.5; whole milliseconds below 1,000 and
 * scores with at most 3 significant digits stay exact. Exact values barely repeat (every attempt's
 * duration is its own), so histograms kept per value would hold a row per attempt and never merge
 * across attempts and days; rounded, a (scope, mission, stage) holds at most 900 values per power of
 * ten. Medians and p90s read from them are within 0.5% of the exact ones (CONTRIBUTING.md, "Analytics").
 */
export const histogramValue = (v: SQL) =>
  sql`(case when (${v}) = 0 then 0::float8 else round((${v})::numeric, 2 - floor(log(abs((${v})::numeric)))::int)::float8 end)`;

/** progress_id, kind, key, sub, value, n, n2, n3, total — in that order, typed. */
export const FACT_COLUMNS = sql`progress_id, kind, key, sub, value, n, n2, n3, total`;

const fact = (kind: ItemKind, f: { key?: SQL; sub?: SQL; value?: SQL; n?: SQL; n2?: SQL; n3?: SQL; total?: SQL }) =>
  sql`p.id as progress_id, ${kind}::text as kind, coalesce((${f.key ?? sql`''`})::text, '') as key, coalesce((${f.sub ?? sql`''`})::text, '') as sub, (${f.value ?? sql`0`})::float8 as value,
    (${f.n ?? sql`0`})::int as n, (${f.n2 ?? sql`0`})::int as n2, (${f.n3 ?? sql`0`})::int as n3, coalesce((${f.total ?? sql`0`})::numeric, 0) as total`;

/**
 * One kind's facts for each attempt of `attempts`: a relation aliased per row as `p` with
 * mission_progress' columns (id, mission_id, user_id, attempt, state, path, current_stage, last_activity_at, started_at, submitted_at,
 * score, passed). Only items with a non-zero figure are produced.
 */
export function factBody(kind: ItemKind, attempts: SQL): SQL {
  switch (kind) {
    case "count":
      return sql`select p.id as progress_id, 'count'::text as kind, k.key, ''::text as sub, k.value::float8 as value, k.n::int as n, 0 as n2, 0 as n3, k.total::numeric as total
        from ${attempts} p cross join lateral (values
          ('attempts', 0, 1, 0::numeric), ('starts', 0, (p.attempt = 1)::int, 0), ('submissions', 0, (p.submitted_at is not null)::int, 0),
          ('reviewed', 0, (p.passed is not null)::int, 0), ('passed', 0, coalesce(p.passed, false)::int, 0), ('expired', 0, (p.state = 'expired')::int, 0),
          ('score', 0, (p.score is not null)::int, coalesce(p.score::numeric, 0)), ('max_depth', least(jsonb_array_length(p.path), 12), 1, 0)
        ) k(key, value, n, total) where k.n <> 0
        union all
        select ${fact("count", { key: sql`'hints'`, n: sql`1`, n2: sql`count(*)`, total: sql`sum(hu.penalty::numeric)` })}
        from ${attempts} p join hints_unlocked hu on hu.progress_id = p.id group by p.id`;
    case "score_bucket":
      return sql`select ${fact(kind, { value: sql`least(floor(p.score / 10), 9)`, n: sql`1` })} from ${attempts} p where p.score is not null`;
    case "score_value":
      return sql`select ${fact(kind, { value: histogramValue(sql`p.score::float8`), n: sql`1` })} from ${attempts} p where p.score is not null`;
    case "duration_value":
      return sql`select ${fact(kind, { value: histogramValue(sql`extract(epoch from p.submitted_at - p.started_at)::float8 * 1000`), n: sql`1` })} from ${attempts} p where p.submitted_at is not null`;
    case "depth":
      return sql`select ${fact(kind, { key: sql`p.path->>(d - 1)`, value: sql`d`, n: sql`1` })}
        from ${attempts} p cross join lateral generate_series(1, least(jsonb_array_length(p.path), 12)) d where p.submitted_at is null`;
    case "decision":
      return sql`select ${fact(kind, { key: sql`dm.decision_key`, sub: sql`dm.choice_key`, n: sql`count(*)`, n3: sql`count(p.score)`, total: sql`sum(p.score::numeric)` })}
        from ${attempts} p join decisions_made dm on dm.progress_id = p.id group by p.id, dm.decision_key, dm.choice_key`;
    case "deviation":
      return sql`select per.id as progress_id, 'deviation'::text as kind, ''::text as key, ''::text as sub, per.deviations::float8 as value,
          1 as n, 0 as n2, (per.score is not null)::int as n3, coalesce(per.score::numeric, 0) as total
        from (
          select p.id, p.score,
            count(*) filter (where not dc.ideal and exists (select 1 from decision_choices i where i.decision_id = dp.id and i.ideal)) as deviations
          from ${attempts} p join decisions_made dm on dm.progress_id = p.id
          join decision_points dp on dp.mission_id = p.mission_id and dp.key = dm.decision_key
          join decision_choices dc on dc.decision_id = dp.id and dc.key = dm.choice_key
          group by p.id, p.score
        ) per`;
    case "hint_stage":
      return sql`select ${fact(kind, { key: sql`hu.stage_key`, value: sql`max(hu.level)`, n: sql`count(*)`, n2: sql`1` })}
        from ${attempts} p join hints_unlocked hu on hu.progress_id = p.id group by p.id, hu.stage_key`;
    case "tool":
      return sql`select ${fact(kind, { key: sql`tu.tool`, n: sql`count(*)`, n2: sql`1`, n3: sql`count(p.score)`, total: sql`sum(p.score::numeric)` })}
        from ${attempts} p join tools_used tu on tu.progress_id = p.id group by p.id, tu.tool`;
    case "stage_done":
      return sql`select ${fact(kind, { key: sql`sc.stage_key`, n: sql`count(*)` })}
        from ${attempts} p join stage_completions sc on sc.progress_id = p.id group by p.id, sc.stage_key`;
    case "open":
      return sql`select ${fact(kind, { key: sql`p.current_stage`, value: sql`floor(extract(epoch from p.last_activity_at) / 86400)`, n: sql`1` })}
        from ${attempts} p where p.state in ('in_progress', 'changes_requested')`;
    case "stage_time":
      return sql`select t.progress_id, 'stage_time'::text as kind, t.stage_key as key, ''::text as sub, ${histogramValue(sql`t.ms::float8`)} as value, 1 as n, 0 as n2, 0 as n3, t.ms::numeric as total
        from (${visibleStageMs(sql`(select ''::text as scope, p.id, p.mission_id from ${attempts} p)`)}) t`;
  }
}

/** Every kind's facts for `attempts`, as one relation. */
export function allFacts(attempts: SQL): SQL {
  return sql.join(
    ALL_KINDS.map((k) => sql`select ${FACT_COLUMNS} from (${factBody(k, attempts)}) q`),
    sql` union all `,
  );
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
  return sql`with h as (select g, value, sum(n)::float8 as n from ${source} src group by g, value having sum(n) > 0),
      c as (select g, value, sum(n) over (partition by g order by value) as cum, sum(n) over (partition by g) as tot from h)
    select g, tot::int as count, ${sql.join(cols, sql`, `)} from c group by g, tot`;
}
