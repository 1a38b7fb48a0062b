import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionContent } from "@/lib/db/queries/missions";
import { biggestDropOff, funnel, rate, scoreBuckets, type FunnelStep } from "./math";
import { expertPath, pathDeviation } from "./paths";
import { progressWhere, scopeJson, type Scope } from "./filters";
import { audience, cachedAnswer } from "./cache";

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const FROM = sql`from mission_progress p join missions m on m.id = p.mission_id`;

/** Attempts, starts, submissions, completion and pass rates, scores and time to complete. */
export async function kpis(s: Scope, tx: Tx = db) {
  const [r] = await rows<Record<string, string | number | null>>(
    tx,
    sql`select count(*)::int as attempts,
          count(*) filter (where p.attempt = 1)::int as starts,
          count(distinct p.user_id)::int as learners,
          count(*) filter (where p.submitted_at is not null)::int as submissions,
          count(*) filter (where p.passed is not null)::int as reviewed,
          count(*) filter (where p.passed)::int as passed,
          count(*) filter (where p.state in ('in_progress','changes_requested') and p.last_activity_at < now() - make_interval(days => ${s.abandonDays}))::int as abandoned,
          count(*) filter (where p.state = 'expired')::int as expired,
          avg(p.score) as mean_score,
          percentile_cont(0.5) within group (order by p.score) as median_score,
          percentile_cont(0.5) within group (order by extract(epoch from p.submitted_at - p.started_at) * 1000) as median_ms,
          percentile_cont(0.9) within group (order by extract(epoch from p.submitted_at - p.started_at) * 1000) as p90_ms,
          avg(p.hint_penalty) as mean_hint_penalty
        ${FROM} where ${progressWhere(s)}`,
  );
  const attempts = Number(r.attempts);
  const submissions = Number(r.submissions);
  const reviewed = Number(r.reviewed);
  return {
    attempts,
    starts: Number(r.starts),
    learners: Number(r.learners),
    submissions,
    reviewed,
    passed: Number(r.passed),
    abandoned: Number(r.abandoned),
    expired: Number(r.expired),
    completion_rate: rate(submissions, attempts),
    pass_rate: rate(Number(r.passed), reviewed),
    mean_score: round1(num(r.mean_score)),
    median_score: round1(num(r.median_score)),
    median_time_ms: roundInt(num(r.median_ms)),
    p90_time_ms: roundInt(num(r.p90_ms)),
  };
}

export async function scoreDistribution(s: Scope, tx: Tx = db) {
  const r = await rows<{ bucket: number; n: number }>(
    tx,
    sql`select least(floor(p.score / 10), 9)::int as bucket, count(*)::int as n ${FROM} where ${progressWhere(s)} and p.score is not null group by 1`,
  );
  return scoreBuckets(r.map((x) => ({ bucket: Number(x.bucket), count: Number(x.n) })));
}

/**
 * Stage funnel, PostHog-style: Started → reached stage 1 … n of their path → Submitted → Passed.
 * Depth along the learner's own path keeps it monotonic on branching missions; a submitted attempt
 * counts as having reached every depth (its branch may be shorter).
 */
export async function stageFunnel(s: Scope, tx: Tx = db): Promise<{ steps: FunnelStep[]; biggest_drop: string | null }> {
  const [depths, totals] = await Promise.all([
    rows<{ depth: number; stage_key: string | null; n: number }>(
      tx,
      sql`select d::int as depth, ${s.missionId ? sql`p.path->>(d - 1)` : sql`null::text`} as stage_key, count(*)::int as n
          ${FROM} cross join lateral generate_series(1, least(jsonb_array_length(p.path), 12)) d
          where ${progressWhere(s)} and p.submitted_at is null
          group by 1, 2`,
    ),
    rows<{ attempts: number; submitted: number; passed: number; max_depth: number }>(
      tx,
      sql`select count(*)::int as attempts, count(*) filter (where p.submitted_at is not null)::int as submitted,
            count(*) filter (where p.passed)::int as passed, coalesce(max(least(jsonb_array_length(p.path), 12)), 0)::int as max_depth
          ${FROM} where ${progressWhere(s)}`,
    ),
  ]);
  const t = totals[0];
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
  const input = [{ key: "started", label: "Started", count: Number(t.attempts) }];
  for (let d = 1; d <= Number(t.max_depth); d++) {
    const e = byDepth.get(d);
    const names = e ? [...e.keys.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => titles.get(k) ?? k) : [];
    input.push({
      key: `stage-${d}`,
      label: names.length ? `Stage ${d}: ${names.slice(0, 2).join(" / ")}${names.length > 2 ? " …" : ""}` : `Stage ${d}`,
      count: (e?.n ?? 0) + Number(t.submitted),
    });
  }
  input.push({ key: "submitted", label: "Submitted", count: Number(t.submitted) }, { key: "passed", label: "Passed", count: Number(t.passed) });
  const steps = funnel(input);
  return { steps, biggest_drop: biggestDropOff(steps)?.key ?? null };
}

/** Where abandoned attempts (open, idle for N days) stopped: their drop-off stage. */
export async function dropOff(s: Scope, tx: Tx = db) {
  const r = await rows<{ mission_code: string; stage_key: string | null; stage_title: string | null; n: number }>(
    tx,
    sql`select m.code as mission_code, p.current_stage as stage_key, st.title as stage_title, count(*)::int as n
        ${FROM} left join mission_stages st on st.mission_id = p.mission_id and st.key = p.current_stage
        where ${progressWhere(s)} and p.state in ('in_progress','changes_requested')
          and p.last_activity_at < now() - make_interval(days => ${s.abandonDays})
        group by 1, 2, 3 order by n desc, 1, 2 limit 20`,
  );
  const total = r.reduce((a, x) => a + Number(x.n), 0);
  return r.map((x) => ({ mission: x.mission_code, stage: x.stage_key, stage_title: x.stage_title ?? x.stage_key, abandoned: Number(x.n), share: rate(Number(x.n), total) }));
}

/**
 * Time per stage: per attempt, the sum of visible intervals (stage.left's payload.visible_ms, or a
 * stage.entered → stage.left pair when no visible time was sent); then mean and median per stage.
 * The visible_ms sums come from the stage_time rollup (kept by the ingest statement); only the rare
 * stage.left events without visible_ms are paired at read time, through a partial index.
 */
export async function timePerStage(s: Scope, tx: Tx = db) {
  // Aggregates over ~100k rows are costed above jit_above_cost; compiling them takes longer (100–400 ms
  // on a busy 2-core host) than running them, so these statements run with JIT off, and with enough
  // work_mem to sort ~300k (attempt, stage) values in memory (SET LOCAL: this transaction only).
  const r = await tx.transaction(async (t) => {
    await t.execute(sql`set local jit = off`);
    await t.execute(sql`set local work_mem = '32MB'`);
    // Untimed stage.left events (no visible_ms) are rare; when the scope has none, per-attempt time is
    // exactly the rollup row, and the figures come from stage_time alone.
    const [untimed] = await rows<{ any: boolean }>(t, sql`select exists (select 1 ${UNTIMED} and ${progressWhere(s)}) as any`);
    return untimed?.any ? timePerStageRows(s, t) : timePerStageRollupRows(s, t);
  });
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

type StageTimeRow = { mission_id: string; mission_code: string; stage_key: string; stage_title: string | null; position: number | null; attempts: number; mean_ms: number; median_ms: number; total_ms: number };

/** stage.left events in scope that carry no visible_ms (served by telemetry_stage_left_untimed_idx). */
const UNTIMED = sql`from telemetry_events l join mission_progress p on p.id = l.progress_id join missions m on m.id = p.mission_id
  where l.type = 'stage.left' and jsonb_typeof(l.payload->'visible_ms') is distinct from 'number'`;

/** stage_time rows in scope. The explicit mission bound lets one mission read stage_time_mission_idx. */
const rollupInScope = (s: Scope) =>
  sql`from stage_time st join mission_progress p on p.id = st.progress_id join missions m on m.id = p.mission_id
      where ${progressWhere(s)} ${s.missionId ? sql`and st.mission_id = ${s.missionId}` : sql``}`;

/** Per mission and stage, aggregated first; then the (few) result rows are joined to their titles. */
const stageTimeResult = (agg: SQL) =>
  sql`select agg.mission_id::text as mission_id, m.code as mission_code, agg.stage_key, st.title as stage_title, st.position,
        agg.attempts, agg.mean_ms, agg.median_ms, agg.total_ms
      from (${agg}) agg join missions m on m.id = agg.mission_id
      left join mission_stages st on st.mission_id = agg.mission_id and st.key = agg.stage_key
      order by m.code, st.position nulls last, agg.stage_key
      limit 60`;

/** Every attempt's time is its stage_time row (no untimed events in scope). */
async function timePerStageRollupRows(s: Scope, tx: Tx) {
  return rows<StageTimeRow>(
    tx,
    stageTimeResult(sql`select p.mission_id, st.stage_key, count(*)::int as attempts, avg(st.visible_ms) as mean_ms,
        percentile_cont(0.5) within group (order by st.visible_ms) as median_ms, sum(st.visible_ms) as total_ms
      ${rollupInScope(s)}
      group by 1, 2`),
  );
}

/** The general case: rollup sums plus stage.entered → stage.left pairs for untimed stage.left events. */
async function timePerStageRows(s: Scope, tx: Tx) {
  return rows<StageTimeRow>(
    tx,
    sql`with vis as (select st.progress_id, p.mission_id, st.stage_key, st.visible_ms as ms ${rollupInScope(s)}),
        -- Other senders: a stage.left right after its stage.entered (same progress) is one interval.
        pairs as (
          select l.progress_id, p.mission_id, l.stage_key, sum(extract(epoch from l.occurred_at - prev.occurred_at) * 1000) as ms
          from telemetry_events l join mission_progress p on p.id = l.progress_id join missions m on m.id = p.mission_id
          cross join lateral (
            select e.type, e.stage_key, e.occurred_at from telemetry_events e
            where e.progress_id = l.progress_id and e.type in ('stage.entered', 'stage.left')
              and (e.occurred_at < l.occurred_at or (e.occurred_at = l.occurred_at and e.id < l.id))
            order by e.occurred_at desc, e.id desc limit 1) prev
          where l.type = 'stage.left' and jsonb_typeof(l.payload->'visible_ms') is distinct from 'number'
            and prev.type = 'stage.entered' and prev.stage_key = l.stage_key and ${progressWhere(s)}
          group by 1, 2, 3
        ),
        -- Per attempt and stage: the rollup's sum plus any paired intervals.
        per as (
          select coalesce(v.mission_id, pp.mission_id) as mission_id, coalesce(v.stage_key, pp.stage_key) as stage_key,
            coalesce(v.ms, 0) + coalesce(pp.ms, 0) as ms
          from vis v full join pairs pp on pp.progress_id = v.progress_id and pp.stage_key = v.stage_key
        )
        ${stageTimeResult(sql`select mission_id, stage_key, count(*)::int as attempts, avg(ms) as mean_ms,
            percentile_cont(0.5) within group (order by ms) as median_ms, sum(ms) as total_ms
          from per group by 1, 2`)}`,
  );
}

/**
 * Decision distribution: per decision point, the share of each choice and the mean score of the
 * attempts that took it; how far attempts deviate from the expert (ideal) path and how that scores;
 * and, for one mission, the most common full paths.
 */
export async function decisions(s: Scope, tx: Tx = db) {
  const [counts, deviation] = await Promise.all([
    rows<{ mission_id: string; decision_key: string; choice_key: string; n: number; mean_score: number | null; scored: number }>(
      tx,
      sql`select p.mission_id::text as mission_id, dm.decision_key, dm.choice_key, count(*)::int as n, avg(p.score) as mean_score, count(p.score)::int as scored
          ${FROM} join decisions_made dm on dm.progress_id = p.id
          where ${progressWhere(s)} group by 1, 2, 3`,
    ),
    rows<{ deviations: number; n: number; mean_score: number | null }>(
      tx,
      sql`with per as (
            select p.id, p.score, count(*) filter (where not dc.ideal and exists (select 1 from decision_choices i where i.decision_id = dp.id and i.ideal))::int as deviations
            ${FROM} join decisions_made dm on dm.progress_id = p.id
            join decision_points dp on dp.mission_id = p.mission_id and dp.key = dm.decision_key
            join decision_choices dc on dc.decision_id = dp.id and dc.key = dm.choice_key
            where ${progressWhere(s)} group by p.id, p.score)
          select deviations, count(*)::int as n, avg(score) as mean_score from per group by 1 order by 1`,
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
      sql`select p.path, count(*)::int as n, avg(p.score) as mean_score ${FROM}
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
export async function hintUse(s: Scope, tx: Tx = db) {
  const [overall, byStage] = await Promise.all([
    rows<{ attempts: number; with_hints: number; hints: number; penalty: number | null }>(
      tx,
      sql`select count(*)::int as attempts, count(h.progress_id)::int as with_hints, coalesce(sum(h.n), 0)::int as hints, avg(h.penalty) as penalty
          ${FROM} left join (select progress_id, count(*) as n, sum(penalty) as penalty from hints_unlocked group by progress_id) h on h.progress_id = p.id
          where ${progressWhere(s)}`,
    ),
    rows<{ mission_code: string; stage_key: string; stage_title: string | null; unlocks: number; attempts: number; max_level: number }>(
      tx,
      sql`select m.code as mission_code, hu.stage_key, st.title as stage_title, count(*)::int as unlocks, count(distinct hu.progress_id)::int as attempts, max(hu.level)::int as max_level
          ${FROM} join hints_unlocked hu on hu.progress_id = p.id
          left join mission_stages st on st.mission_id = p.mission_id and st.key = hu.stage_key
          where ${progressWhere(s)} group by 1, 2, 3 order by unlocks desc limit 15`,
    ),
  ]);
  const o = overall[0];
  return {
    attempts_with_hints: Number(o.with_hints),
    share_with_hints: rate(Number(o.with_hints), Number(o.attempts)),
    hints_unlocked: Number(o.hints),
    mean_penalty_when_used: round1(num(o.penalty)),
    by_stage: byStage.map((x) => ({ mission: x.mission_code, stage: x.stage_key, stage_title: x.stage_title ?? x.stage_key, unlocks: Number(x.unlocks), attempts: Number(x.attempts), max_level: Number(x.max_level) })),
  };
}

/** Tool use: which tools learners record, in how many attempts. */
export async function toolUse(s: Scope, tx: Tx = db) {
  const r = await rows<{ tool: string; uses: number; attempts: number; mean_score: number | null }>(
    tx,
    sql`select tu.tool, count(*)::int as uses, count(distinct tu.progress_id)::int as attempts, avg(p.score) as mean_score
        ${FROM} join tools_used tu on tu.progress_id = p.id
        where ${progressWhere(s)} group by 1 order by attempts desc, tu.tool limit 15`,
  );
  return r.map((x) => ({ tool: x.tool, uses: Number(x.uses), attempts: Number(x.attempts), mean_score: round1(num(x.mean_score)) }));
}

/** The whole Mission Performance Dashboard in one answer, reused briefly per audience and filters. */
export async function missionPerformance(s: Scope, tx: Tx = db) {
  return cachedAnswer({ name: "performance", audience: audience(s.caller), params: scopeJson(s), compute: () => computePerformance(s, tx), tx });
}

/** Every section's query, run in parallel. */
export async function computePerformance(s: Scope, tx: Tx = db) {
  const [k, scores, f, drop, time, dec, hints, tools] = await Promise.all([
    kpis(s, tx),
    scoreDistribution(s, tx),
    stageFunnel(s, tx),
    dropOff(s, tx),
    timePerStage(s, tx),
    decisions(s, tx),
    hintUse(s, tx),
    toolUse(s, tx),
  ]);
  return {
    filters: scopeJson(s),
    kpis: k,
    funnel: f.steps.map((x) => ({ key: x.key, label: x.label, count: x.count, overall: x.overall, step: x.step, dropped: x.dropped })),
    biggest_drop: f.biggest_drop,
    drop_off: drop,
    score_distribution: scores,
    time_per_stage: time,
    decisions: dec,
    hints,
    tools,
  };
}
export type MissionPerformance = Awaited<ReturnType<typeof computePerformance>>;

function round1(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10;
}
function roundInt(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v);
}
