import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { readDb, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionContent } from "@/lib/db/queries/missions";
import { biggestDropOff, funnel, rate, scoreBuckets, type FunnelStep } from "./math";
import { expertPath, pathDeviation } from "./paths";
import { progressFrom, progressWhere, scopeJson, type Scope } from "./filters";
import { ALL_KINDS, ITEM_READS, weightedPercentiles, type ItemKind } from "./items";
import { itemSource, learnersInScope, withSource, type Source } from "./source";
import { AGGREGATE_TABLES } from "./aggregates";
import { keepRolled, keptFigure } from "./kept";
import { abandonedAttempts, type IdleStage } from "./abandoned";

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Per-mission counters summed over the scope (ITEM_KINDS.count). */
async function counters(src: Source, tx: Tx) {
  const r = await rows<{ key: string; n: number; n2: number; total: number; max: number }>(
    tx,
    sql`select key, sum(n)::int as n, sum(n2)::int as n2, sum(total)::float8 as total, coalesce(max(value), 0)::int as max from ${itemSource(src, ["count"])} i group by key`,
  );
  const by = new Map(r.map((x) => [x.key, { n: Number(x.n), n2: Number(x.n2), total: Number(x.total), max: Number(x.max) }]));
  return (key: string) => by.get(key) ?? { n: 0, n2: 0, total: 0, max: 0 };
}

/** Median and p90 of each value histogram kind over the whole scope, in one statement. */
async function scopePercentiles(src: Source, kinds: ItemKind[], tx: Tx) {
  const r = await rows<{ g: string; median: number | null; p90: number | null }>(
    tx,
    weightedPercentiles(sql`(select kind as g, value, n from ${itemSource(src, kinds)} i)`, { median: 0.5, p90: 0.9 }),
  );
  return (kind: ItemKind, q: "median" | "p90") => num(r.find((x) => x.g === kind)?.[q]);
}

/** The per-mission counters several sections need, read at most once per dashboard answer. */
class SharedReads {
  private c?: ReturnType<typeof counters>;
  constructor(
    private src: Source,
    private tx: Tx,
  ) {}
  counters() {
    return (this.c ??= counters(this.src, this.tx));
  }
}

/** Attempts, starts, submissions, completion and pass rates, scores and time to complete (abandoned: abandoned.ts). */
export async function kpis(src: Source, tx: Tx = readDb(), reads = new SharedReads(src, tx)) {
  const [c, learners, pct] = await Promise.all([reads.counters(), learnersInScope(src, tx), scopePercentiles(src, ["score_value", "duration_value"], tx)]);
  const attempts = c("attempts").n;
  const submissions = c("submissions").n;
  const reviewed = c("reviewed").n;
  const passed = c("passed").n;
  const scored = c("score");
  return {
    attempts,
    starts: c("starts").n,
    learners,
    submissions,
    reviewed,
    passed,
    expired: c("expired").n,
    completion_rate: rate(submissions, attempts),
    pass_rate: rate(passed, reviewed),
    mean_score: round1(scored.n ? scored.total / scored.n : null),
    median_score: round1(pct("score_value", "median")),
    median_time_ms: roundInt(pct("duration_value", "median")),
    p90_time_ms: roundInt(pct("duration_value", "p90")),
  };
}

export async function scoreDistribution(src: Source, tx: Tx = readDb()) {
  const r = await rows<{ bucket: number; n: number }>(tx, sql`select value::int as bucket, sum(n)::int as n from ${itemSource(src, ["score_bucket"])} i group by 1`);
  return scoreBuckets(r.map((x) => ({ bucket: Number(x.bucket), count: Number(x.n) })));
}

/**
 * Stage funnel, PostHog-style: Started → reached stage 1 … n of their path → Submitted → Passed.
 * Depth along the learner's own path keeps it monotonic on branching missions; a submitted attempt
 * counts as having reached every depth (its branch may be shorter).
 */
export async function stageFunnel(src: Source, tx: Tx = readDb(), reads = new SharedReads(src, tx)): Promise<{ steps: FunnelStep[]; biggest_drop: string | null }> {
  const s = src.filters;
  const [depths, c] = await Promise.all([
    rows<{ depth: number; stage_key: string | null; n: number }>(
      tx,
      sql`select value::int as depth, ${s.missionId ? sql`key` : sql`null::text`} as stage_key, sum(n)::int as n
          from ${itemSource(src, ["depth"])} i group by 1, 2`,
    ),
    reads.counters(),
  ]);
  const t = { attempts: c("attempts").n, submitted: c("submissions").n, passed: c("passed").n, max_depth: c("max_depth").max };
  const titles = s.missionId
    ? new Map((await rows<{ key: string; title: string }>(tx, sql`select key, title from mission_stages where mission_id = ${s.missionId}`)).map((x) => [x.key, x.title]))
    : new Map<string, string>();
  const byDepth = new Map<number, { n: number; keys: Map<string, number> }>();
  for (const d of depths) {
    const e = byDepth.get(d.depth) ?? { n: 0, keys: new Map() };
    e.n += Number(d.n);
    if (d.stage_key) e.keys.set(d.stage_key, (e.keys.get(d.stage_key) ?? 0) + Number(d.n));
    byDepth.set(d.depth, e);
  }
  const input = [{ key: "started", label: "Started", count: t.attempts }];
  for (let d = 1; d <= t.max_depth; d++) {
    const e = byDepth.get(d);
    const names = e ? [...e.keys.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => titles.get(k) ?? k) : [];
    input.push({
      key: `stage-${d}`,
      label: names.length ? `Stage ${d}: ${names.slice(0, 2).join(" / ")}${names.length > 2 ? " …" : ""}` : `Stage ${d}`,
      count: (e?.n ?? 0) + t.submitted,
    });
  }
  input.push({ key: "submitted", label: "Submitted", count: t.submitted }, { key: "passed", label: "Passed", count: t.passed });
  const steps = funnel(input);
  return { steps, biggest_drop: biggestDropOff(steps)?.key ?? null };
}

/** Where abandoned attempts (open, idle for N days: abandoned.ts) stopped: their drop-off stage, top 20. */
export function dropOff(idle: IdleStage[]) {
  const total = idle.reduce((a, x) => a + x.abandoned, 0);
  return idle.slice(0, 20).map((x) => ({ ...x, share: rate(x.abandoned, total) }));
}

/**
 * Time per stage: per attempt, the sum of visible intervals (stage.left's payload.visible_ms, kept in
 * the stage_time rollup by the ingest statement, or a stage.entered → stage.left pair when no visible
 * time was sent); then mean, median and total per stage.
 */
export async function timePerStage(src: Source, tx: Tx = readDb()) {
  const r = await rows<{ mission_id: string; mission_code: string; stage_key: string; stage_title: string | null; attempts: number; mean_ms: number; median_ms: number | null; total_ms: number }>(
    tx,
    // Counts and sums per (mission, stage) over every item; the median, from each stage's value
    // histogram (the visible ms of each attempt), only for the stages shown (the admin's view has
    // more than twice as many): its items are read again, by index, for those stages alone.
    sql`with t as (select mission_id, key, sum(n)::int as attempts, sum(total)::float8 as total_ms from ${itemSource(src, ["stage_time"])} i group by 1, 2),
        shown as materialized (select t.*, m.code as mission_code, st.title as stage_title, st.position
          from t join missions m on m.id = t.mission_id
          left join mission_stages st on st.mission_id = t.mission_id and st.key = t.key
          where t.attempts > 0
          order by m.code, st.position nulls last, t.key
          limit 60),
        med as (${weightedPercentiles(sql`(select i.mission_id::text || '/' || i.key as g, i.value, i.n from ${itemSource(src, ["stage_time"])} i where (i.mission_id, i.key) in (select mission_id, key from shown))`, { median: 0.5 })})
        select s.mission_id::text as mission_id, s.mission_code, s.key as stage_key, s.stage_title,
          s.attempts, s.total_ms / s.attempts as mean_ms, med.median as median_ms, s.total_ms
        from shown s left join med on med.g = s.mission_id::text || '/' || s.key
        order by s.mission_code, s.position nulls last, s.key`,
  );
  return r.map((x) => ({
    mission_id: x.mission_id,
    mission: x.mission_code,
    stage: x.stage_key,
    stage_title: x.stage_title ?? x.stage_key,
    attempts: Number(x.attempts),
    mean_ms: roundInt(num(x.mean_ms)),
    median_ms: roundInt(num(x.median_ms)),
    total_ms: roundInt(num(x.total_ms)),
  }));
}

/**
 * Decision distribution: per decision point, the share of each choice and the mean score of the
 * attempts that took it; how far attempts deviate from the expert (ideal) path and how that scores;
 * and, for one mission, the most common full paths.
 */
export async function decisions(src: Source, tx: Tx = readDb()) {
  const s = src.filters;
  const [counts, deviation] = await Promise.all([
    rows<{ mission_id: string; decision_key: string; choice_key: string; n: number; mean_score: number | null; scored: number }>(
      tx,
      sql`select mission_id::text as mission_id, key as decision_key, sub as choice_key, sum(n)::int as n,
            sum(total) / nullif(sum(n3), 0) as mean_score, sum(n3)::int as scored
          from ${itemSource(src, ["decision"])} i group by 1, 2, 3`,
    ),
    rows<{ deviations: number; n: number; mean_score: number | null }>(
      tx,
      sql`select value::int as deviations, sum(n)::int as n, sum(total) / nullif(sum(n3), 0) as mean_score
          from ${itemSource(src, ["deviation"])} i group by 1 order by 1`,
    ),
  ]);
  const missionIds = [...new Set([...counts.map((c) => c.mission_id), ...(s.missionId ? [s.missionId] : [])])];
  const meta = missionIds.length
    ? await rows<{ mission_id: string; code: string; decision_key: string; prompt: string; after_stage: string; choice_key: string; label: string; ideal: boolean; position: number; score_delta: number }>(
        tx,
        sql`select dp.mission_id::text as mission_id, m.code, dp.key as decision_key, dp.prompt, dp.after_stage, dc.key as choice_key, dc.label, dc.ideal, dc.position, dc.score_delta
            from decision_points dp join missions m on m.id = dp.mission_id join decision_choices dc on dc.decision_id = dp.id
            where dp.mission_id = any(${`{${missionIds.join(",")}}`}::uuid[])
            order by m.code, dp.key, dc.position`,
      )
    : [];
  const points = new Map<string, { mission: string; mission_id: string; decision: string; prompt: string; total: number; choices: { choice: string; label: string; ideal: boolean; score_delta: number; count: number; share: number; mean_score: number | null }[] }>();
  for (const c of meta) {
    const k = `${c.mission_id}/${c.decision_key}`;
    if (!points.has(k)) points.set(k, { mission: c.code, mission_id: c.mission_id, decision: c.decision_key, prompt: c.prompt, total: 0, choices: [] });
    const hit = counts.find((x) => x.mission_id === c.mission_id && x.decision_key === c.decision_key && x.choice_key === c.choice_key);
    const n = hit ? Number(hit.n) : 0;
    points.get(k)!.total += n;
    points.get(k)!.choices.push({ choice: c.choice_key, label: c.label, ideal: !!c.ideal, score_delta: Number(c.score_delta), count: n, share: 0, mean_score: round1(num(hit?.mean_score)) });
  }
  const list = [...points.values()]
    .filter((p) => s.missionId || p.total > 0)
    .map((p) => ({ ...p, choices: p.choices.map((c) => ({ ...c, share: rate(c.count, p.total) })) }))
    .sort((a, b) => b.total - a.total || a.mission.localeCompare(b.mission))
    .slice(0, 12);

  let paths: { path: string[]; count: number; share: number; mean_score: number | null; deviations: number; expert: boolean }[] = [];
  let expert: string[] | null = null;
  if (s.missionId) {
    const [mv] = await rows<{ version: number }>(tx, sql`select version from missions where id = ${s.missionId}`);
    const content = mv ? await missionContent({ missionId: s.missionId, version: Number(mv.version), tx }) : undefined;
    const r = await rows<{ path: string[]; n: number; mean_score: number | null }>(
      tx,
      sql`select p.path, count(*)::int as n, avg(p.score) as mean_score ${progressFrom(s)}
          where ${progressWhere(s)} and p.submitted_at is not null group by p.path order by n desc limit 8`,
    );
    const total = r.reduce((a, x) => a + Number(x.n), 0);
    if (content) expert = expertPath(content);
    paths = r.map((x) => {
      const path = typeof x.path === "string" ? (JSON.parse(x.path) as string[]) : x.path;
      return {
        path,
        count: Number(x.n),
        share: rate(Number(x.n), total),
        mean_score: round1(num(x.mean_score)),
        deviations: content ? pathDeviation(content, path) : 0,
        expert: !!expert && expert.join(">") === path.join(">"),
      };
    });
  }
  return {
    points: list,
    deviation: deviation.map((d) => ({ deviations: Number(d.deviations), attempts: Number(d.n), mean_score: round1(num(d.mean_score)) })),
    expert_path: expert,
    paths,
  };
}

/** Hint use: how many attempts unlock hints, how many, where, and what it costs them. */
export async function hintUse(src: Source, tx: Tx = readDb(), reads = new SharedReads(src, tx)) {
  const [c, byStage] = await Promise.all([
    reads.counters(),
    rows<{ mission_code: string; stage_key: string; stage_title: string | null; unlocks: number; attempts: number; max_level: number }>(
      tx,
      sql`select m.code as mission_code, i.key as stage_key, st.title as stage_title, sum(i.n)::int as unlocks, sum(i.n2)::int as attempts, max(i.value)::int as max_level
          from ${itemSource(src, ["hint_stage"])} i join missions m on m.id = i.mission_id
          left join mission_stages st on st.mission_id = i.mission_id and st.key = i.key
          group by 1, 2, 3 order by unlocks desc limit 15`,
    ),
  ]);
  const h = c("hints");
  const o = { with_hints: h.n, hints: h.n2, penalty: h.n ? h.total / h.n : null, attempts: c("attempts").n };
  return {
    attempts_with_hints: Number(o.with_hints),
    share_with_hints: rate(Number(o.with_hints), Number(o.attempts)),
    hints_unlocked: Number(o.hints),
    mean_penalty_when_used: round1(num(o.penalty)),
    by_stage: byStage.map((x) => ({ mission: x.mission_code, stage: x.stage_key, stage_title: x.stage_title ?? x.stage_key, unlocks: Number(x.unlocks), attempts: Number(x.attempts), max_level: Number(x.max_level) })),
  };
}

/** Tool use: which tools learners record, in how many attempts. */
export async function toolUse(src: Source, tx: Tx = readDb()) {
  const r = await rows<{ tool: string; uses: number; attempts: number; mean_score: number | null }>(
    tx,
    sql`select key as tool, sum(n)::int as uses, sum(n2)::int as attempts, sum(total) / nullif(sum(n3), 0) as mean_score
        from ${itemSource(src, ["tool"])} i group by 1 order by attempts desc, tool limit 15`,
  );
  return r.map((x) => ({ tool: x.tool, uses: Number(x.uses), attempts: Number(x.attempts), mean_score: round1(num(x.mean_score)) }));
}

const PERFORMANCE_KINDS = ALL_KINDS.filter((k) => k !== "stage_done");

/**
 * The whole Mission Performance Dashboard: every section's query, run in parallel. On a rolled-up
 * source, what the items determine is kept per rollup version (kept.ts); the abandoned attempts
 * depend on the clock (abandoned.ts: kept up to the cutoff's day, that day counted on every request).
 */
export async function missionPerformance(s: Scope, db0: Tx = readDb()) {
  return withSource(s, PERFORMANCE_KINDS, (src, tx) => performanceSections(src, tx), db0);
}

async function performanceSections(src: Source, tx: Tx) {
  const [{ value: rolled, asOf }, idle] = await Promise.all([keepRolled(performanceFigures, src, tx), abandonedAttempts(src, tx)]);
  return {
    filters: scopeJson(src.filters),
    as_of: asOf.toISOString(),
    kpis: { ...rolled.kpis, abandoned: idle.reduce((a, x) => a + x.abandoned, 0) },
    funnel: rolled.funnel,
    biggest_drop: rolled.biggest_drop,
    drop_off: dropOff(idle),
    score_distribution: rolled.score_distribution,
    time_per_stage: rolled.time_per_stage,
    decisions: rolled.decisions,
    hints: rolled.hints,
    tools: rolled.tools,
  };
}

/** The sections the items determine (everything but the abandoned attempts). */
const performanceFigures = keptFigure({
  name: "performance",
  // Besides the aggregates: codes, titles, decision prompts and the expert path beside the figures, and
  // one mission's most common paths, read from the attempts of the scope's learners.
  reads: [...AGGREGATE_TABLES, ...ITEM_READS, "missions", "mission_stages", "mission_versions", "decision_points", "decision_choices", "mission_progress", "cohort_members", "cohorts"],
  compute: async (src: Source, tx: Tx) => {
    const reads = new SharedReads(src, tx);
    const [k, scores, f, time, dec, hints, tools] = await Promise.all([
      kpis(src, tx, reads),
      scoreDistribution(src, tx),
      stageFunnel(src, tx, reads),
      timePerStage(src, tx),
      decisions(src, tx),
      hintUse(src, tx, reads),
      toolUse(src, tx),
    ]);
    return {
      kpis: k,
      funnel: f.steps.map((x) => ({ key: x.key, label: x.label, count: x.count, overall: x.overall, step: x.step, dropped: x.dropped })),
      biggest_drop: f.biggest_drop,
      score_distribution: scores,
      time_per_stage: time,
      decisions: dec,
      hints,
      tools,
    };
  },
});
export type MissionPerformance = Awaited<ReturnType<typeof missionPerformance>>;

function round1(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10;
}
function roundInt(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v);
}
