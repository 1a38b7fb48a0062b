import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlUuidArray } from "@/lib/db/sql";
import { missionContent } from "@/lib/db/queries/missions";
import { END, type MissionContent } from "@/lib/content/schemas";
import { newcombeDifference, MIN_ATTEMPTS } from "@/lib/recipes/effectiveness";
import { errors } from "@/lib/errors";
import { progressFrom, progressWhere, scopeJson, type Scope } from "./filters";
import { nudgeLift } from "./lift";
import { expertPath } from "./paths";

// Learning-loop analytics (SPEC §7): the paths learners take through a mission's decision points,
// how nudges and hints change what happens next. Computed live over the attempts in scope, with
// the same filters and visibility as the other dashboards.

const scoped = (s: Scope) => sql`select p.id, p.mission_id, p.path, p.state, p.score ${progressFrom(s)} where ${progressWhere(s)}`;

async function missionsOf(ids: string[], tx: Tx) {
  if (ids.length === 0) return new Map<string, { code: string; title: string; content: MissionContent | undefined }>();
  const list = await rows<{ id: string; code: string; title: string; version: number }>(tx, sql`select id::text as id, code, title, version from missions where id = any(${sqlUuidArray(ids)})`);
  const withContent = await Promise.all(list.map(async (m) => [m.id, { code: m.code, title: m.title, content: await missionContent({ missionId: m.id, version: m.version, tx }) }] as const));
  return new Map(withContent);
}

const stageTitle = (c: MissionContent | undefined, key: string) => (key === END ? "End" : (c?.stages.find((s) => s.key === key)?.title ?? key));

type Missions = Awaited<ReturnType<typeof missionsOf>>;
/** The mission and stage a per-stage figure is about, as every learning-loop answer names them. */
function stageRef(missions: Missions, missionId: string, stage: string) {
  const m = missions.get(missionId);
  return { mission: { id: missionId, code: m?.code ?? "", title: m?.title ?? "" }, stage, stage_title: stageTitle(m?.content, stage) };
}

/**
 * The paths through a mission as a Sankey: a node per stage (and the end), a link per step learners
 * took, with its count, its share of the attempts that reached its source, and the mean score of
 * the scored attempts that took it; the expert's path marked. Needs a mission filter.
 */
export async function pathsSankey(s: Scope, tx: Tx = db) {
  if (!s.missionId) throw errors.validation({ mission: "required: the paths of one mission" });
  const [steps, [total]] = await Promise.all([
    rows<{ source: string; target: string; n: number; mean_score: number | null }>(
      tx,
      sql`with a as (${scoped(s)}),
        steps as (
          select a.id, a.score, k.stage as source, coalesce(a.path ->> k.i::int, case when a.state in ('submitted','in_review','approved','failed','changes_requested') then ${END} end) as target
          from a cross join lateral jsonb_array_elements_text(a.path) with ordinality as k(stage, i))
        select source, target, count(*)::int as n, avg(score)::float8 as mean_score from steps where target is not null group by 1, 2`,
    ),
    rows<{ n: number }>(tx, sql`select count(*)::int as n from (${scoped(s)}) a`),
  ]);
  const content = (await missionsOf([s.missionId], tx)).get(s.missionId)?.content;
  const reach = new Map<string, number>();
  const reached = await rows<{ stage: string; n: number }>(tx, sql`select k.stage, count(*)::int as n from (${scoped(s)}) a cross join lateral jsonb_array_elements_text(a.path) as k(stage) group by 1`);
  for (const r of reached) reach.set(r.stage, r.n);
  const expert = content ? expertPath(content) : [];
  const onExpert = new Set(expert.map((k, i) => `${k}>${expert[i + 1] ?? END}`));
  const choiceOf = (source: string, target: string) => {
    const d = content?.decisions.find((x) => x.after_stage === source);
    const c = d?.choices.find((x) => x.next_stage === target);
    return d && c ? { decision: d.key, id: c.id, label: c.label, ideal: Boolean(c.ideal) } : null;
  };
  const ends = steps.filter((x) => x.target === END).reduce((n, x) => n + x.n, 0);
  const order = content ? [...content.stages.map((x) => x.key), END] : [...reach.keys(), END];
  const nodes = order
    .filter((k) => (k === END ? ends > 0 : reach.has(k)))
    .map((k) => ({ id: k, title: stageTitle(content, k), attempts: k === END ? ends : (reach.get(k) ?? 0), expert: k === END ? expert.length > 0 : expert.includes(k) }));
  const links = steps
    .map((x) => ({
      source: x.source,
      target: x.target,
      count: x.n,
      share: (reach.get(x.source) ?? 0) > 0 ? x.n / reach.get(x.source)! : 0,
      mean_score: x.mean_score === null ? null : Math.round(Number(x.mean_score) * 10) / 10,
      choice: choiceOf(x.source, x.target),
      expert: onExpert.has(`${x.source}>${x.target}`),
    }))
    .sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || b.count - a.count);
  return { filters: scopeJson(s), attempts: total?.n ?? 0, nodes, links, expert_path: expert };
}

/** Per stage: how often a nudge was shown to those who reached it, and the lift of opening it. */
export async function nudgeAnalytics(s: Scope, tx: Tx = db) {
  const list = await rows<{
    mission_id: string;
    stage: string;
    reached: number;
    shown: number;
    o_n: number;
    o_done: number;
    o_tn: number;
    o_mean: number | null;
    o_var: number | null;
    i_n: number;
    i_done: number;
    i_tn: number;
    i_mean: number | null;
    i_var: number | null;
  }>(
    tx,
    sql`with a as (${scoped(s)}),
      r as (select a.id, a.mission_id::text as mission_id, k.stage from a cross join lateral jsonb_array_elements_text(a.path) as k(stage)),
      ev as (select e.progress_id, e.stage_key, bool_or(e.type = 'nudge.shown') as shown, bool_or(e.type = 'nudge.opened') as opened
             from telemetry_events e where e.progress_id in (select id from a) and e.type in ('nudge.shown', 'nudge.opened') group by 1, 2),
      x as (select r.mission_id, r.stage, coalesce(ev.shown or ev.opened, false) as shown, coalesce(ev.opened, false) as opened,
                   c.progress_id is not null as done, st.visible_ms as ms
            from r left join ev on ev.progress_id = r.id and ev.stage_key = r.stage
            left join stage_completions c on c.progress_id = r.id and c.stage_key = r.stage
            left join stage_time st on st.progress_id = r.id and st.stage_key = r.stage)
      select mission_id, stage, count(*)::int as reached, count(*) filter (where shown)::int as shown,
        count(*) filter (where opened)::int as o_n, count(*) filter (where opened and done)::int as o_done,
        count(ms) filter (where opened)::int as o_tn, avg(ms) filter (where opened)::float8 as o_mean, var_samp(ms) filter (where opened)::float8 as o_var,
        count(*) filter (where shown and not opened)::int as i_n, count(*) filter (where shown and not opened and done)::int as i_done,
        count(ms) filter (where shown and not opened)::int as i_tn, avg(ms) filter (where shown and not opened)::float8 as i_mean, var_samp(ms) filter (where shown and not opened)::float8 as i_var
      from x group by 1, 2`,
  );
  const missions = await missionsOf([...new Set(list.map((r) => r.mission_id))], tx);
  const num = (v: number | null) => (v === null ? null : Number(v));
  const items = list
    .map((r) => {
      return {
        ...stageRef(missions, r.mission_id, r.stage),
        reached: r.reached,
        shown: r.shown,
        nudge_rate: r.reached > 0 ? r.shown / r.reached : 0,
        lift: nudgeLift(
          { n: r.o_n, completed: r.o_done, timeN: r.o_tn, timeMean: num(r.o_mean), timeVar: num(r.o_var) },
          { n: r.i_n, completed: r.i_done, timeN: r.i_tn, timeMean: num(r.i_mean), timeVar: num(r.i_var) },
        ),
      };
    })
    .sort((a, b) => a.mission.code.localeCompare(b.mission.code) || b.shown - a.shown || a.stage.localeCompare(b.stage));
  return { filters: scopeJson(s), items };
}

/** How soon after a hint the stage counts as "completed soon". */
export const HINT_SOON_MINUTES = 10;

/**
 * Per hint level: of the attempts that unlocked it, how many completed the stage within
 * HINT_SOON_MINUTES; against the attempts that reached the stage without unlocking it, how many
 * completed it at all. A hint that does not raise the rate is flagged for its author.
 */
export async function hintEffectiveness(s: Scope, tx: Tx = db) {
  const list = await rows<{ mission_id: string; stage: string; level: number; unlocked: number; soon: number; without: number; without_done: number }>(
    tx,
    sql`with a as (${scoped(s)}),
      h as (select h.progress_id, h.stage_key, h.level, h.created_at from hints_unlocked h where h.progress_id in (select id from a)),
      levels as (select distinct a.mission_id, h.stage_key, h.level from h join a on a.id = h.progress_id),
      r as (select a.id, a.mission_id, k.stage from a cross join lateral jsonb_array_elements_text(a.path) as k(stage))
      select l.mission_id::text as mission_id, l.stage_key as stage, l.level,
        count(distinct h.progress_id)::int as unlocked,
        count(distinct h.progress_id) filter (where c.completed_at between h.created_at and h.created_at + make_interval(mins => ${HINT_SOON_MINUTES}))::int as soon,
        (select count(*) from r where r.mission_id = l.mission_id and r.stage = l.stage_key
            and not exists (select 1 from h h2 where h2.progress_id = r.id and h2.stage_key = l.stage_key and h2.level = l.level))::int as without,
        (select count(*) from r join stage_completions c2 on c2.progress_id = r.id and c2.stage_key = r.stage where r.mission_id = l.mission_id and r.stage = l.stage_key
            and not exists (select 1 from h h2 where h2.progress_id = r.id and h2.stage_key = l.stage_key and h2.level = l.level))::int as without_done
      from levels l
      join h on h.stage_key = l.stage_key and h.level = l.level and h.progress_id in (select id from a where a.mission_id = l.mission_id)
      left join stage_completions c on c.progress_id = h.progress_id and c.stage_key = h.stage_key
      group by l.mission_id, l.stage_key, l.level`,
  );
  const missions = await missionsOf([...new Set(list.map((r) => r.mission_id))], tx);
  const items = list
    .map((r) => {
      const enough = r.unlocked >= MIN_ATTEMPTS && r.without >= MIN_ATTEMPTS;
      const difference = enough ? newcombeDifference(r.soon, r.unlocked, r.without_done, r.without) : null;
      return {
        ...stageRef(missions, r.mission_id, r.stage),
        level: r.level,
        unlocked: r.unlocked,
        completed_soon: r.soon,
        completed_soon_rate: r.unlocked > 0 ? r.soon / r.unlocked : null,
        without: r.without,
        without_completion_rate: r.without > 0 ? r.without_done / r.without : null,
        enough_data: enough,
        difference,
        flagged: difference !== null && difference.estimate <= 0,
      };
    })
    .sort((a, b) => a.mission.code.localeCompare(b.mission.code) || a.stage.localeCompare(b.stage) || a.level - b.level);
  return { filters: scopeJson(s), soon_minutes: HINT_SOON_MINUTES, items };
}
