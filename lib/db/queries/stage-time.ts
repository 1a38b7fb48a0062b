import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";

/**
 * Time on a stage, SPEC §3's one definition: visible ms per attempt and stage, over a relation of
 * attempts (scope, id, mission_id): the stage_time rollup plus stage.entered → stage.left pairs for
 * stage.left events sent without visible_ms. Those are rare (only non-tracker senders), so they are
 * read first through their partial index (telemetry_stage_left_untimed_idx) and then matched to the
 * scope, rather than looking through every event of every attempt in scope.
 */
export const visibleStageMs = (attempts: SQL) => sql`select x.scope, x.progress_id, x.mission_id, x.stage_key, sum(x.ms) as ms from (
      select p.scope, st.progress_id, p.mission_id, st.stage_key, st.visible_ms as ms
      from ${attempts} p join stage_time st on st.progress_id = p.id
      union all
      select p.scope, l.progress_id, p.mission_id, l.stage_key, extract(epoch from l.occurred_at - prev.occurred_at) * 1000
      from (select * from telemetry_events u
            where u.type = 'stage.left' and jsonb_typeof(u.payload->'visible_ms') is distinct from 'number' offset 0) l
      join ${attempts} p on p.id = l.progress_id
      cross join lateral (
        select e.type, e.stage_key, e.occurred_at from telemetry_events e
        where e.progress_id = l.progress_id and e.type in ('stage.entered', 'stage.left')
          and (e.occurred_at < l.occurred_at or (e.occurred_at = l.occurred_at and e.id < l.id))
        order by e.occurred_at desc, e.id desc limit 1) prev
      -- A stage.left right after its stage.entered (same attempt) is one interval.
      where prev.type = 'stage.entered' and prev.stage_key = l.stage_key
    ) x group by 1, 2, 3, 4`;

/** Time on each stage of one attempt, in ms (the review screen), by the dashboards' definition. */
export async function stageTimesMs({ progressId, tx = db }: { progressId: string; tx?: Tx }): Promise<Record<string, number>> {
  const one = sql`(select ''::text as scope, id, mission_id from mission_progress where id = ${progressId})`;
  const list = await rows<{ stage_key: string; ms: number }>(tx, sql`select stage_key, ms::float8 as ms from (${visibleStageMs(one)}) t`);
  return Object.fromEntries(list.map((r) => [r.stage_key, Number(r.ms)]));
}

/** The 75th percentile of visible time of the learners who completed a stage, and how many they were (one attempt left out). */
export async function completersStageTime({ missionId, stageKey, except, tx = db }: { missionId: string; stageKey: string; except: string; tx?: Tx }) {
  const [r] = await rows<{ p75: number | null; n: number }>(
    tx,
    sql`select percentile_cont(0.75) within group (order by st.visible_ms)::float8 as p75, count(*)::int as n
      from stage_time st join stage_completions c on c.progress_id = st.progress_id and c.stage_key = st.stage_key
      where st.mission_id = ${missionId} and st.stage_key = ${stageKey} and st.progress_id <> ${except}`,
  );
  return { p75Ms: r?.p75 === null || r?.p75 === undefined ? null : Number(r.p75), completers: Number(r?.n ?? 0) };
}
