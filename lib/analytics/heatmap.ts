import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { rate } from "./math";
import { progressWhere, scopeJson, type Scope } from "./filters";
import { audience, cachedAnswer } from "./cache";

/**
 * Completion heatmaps: by track × tier (every cell, even empty ones), and by mission × stage
 * (share of a mission's attempts that completed each stage).
 */
export async function heatmap(s: Scope, tx: Tx = db) {
  return cachedAnswer({ name: "heatmap", audience: audience(s.caller), params: scopeJson(s), compute: () => computeHeatmap(s, tx), tx });
}

async function computeHeatmap(s: Scope, tx: Tx) {
  const [cells, stages] = await Promise.all([
    rows<{ track: string; tier: string; attempts: number; submitted: number; passed: number; reviewed: number }>(
      tx,
      sql`select m.track, m.tier, count(*)::int as attempts, count(*) filter (where p.submitted_at is not null)::int as submitted,
            count(*) filter (where p.passed)::int as passed, count(*) filter (where p.passed is not null)::int as reviewed
          from mission_progress p join missions m on m.id = p.mission_id
          where ${progressWhere(s)} group by 1, 2`,
    ),
    rows<{ mission_id: string; code: string; title: string; attempts: number; key: string; stage_title: string; position: number; completed: number }>(
      tx,
      sql`with a as (
            select p.mission_id, count(*)::int as attempts
            from mission_progress p join missions m on m.id = p.mission_id
            where ${progressWhere(s)} group by 1 order by 2 desc limit 25),
          c as (
            select p.mission_id, sc.stage_key, count(*)::int as completed
            from mission_progress p join missions m on m.id = p.mission_id join stage_completions sc on sc.progress_id = p.id
            where ${progressWhere(s)} and p.mission_id in (select mission_id from a) group by 1, 2)
          select a.mission_id::text as mission_id, m.code, m.title, a.attempts, st.key, st.title as stage_title, st.position, coalesce(c.completed, 0)::int as completed
          from a join missions m on m.id = a.mission_id
          join mission_stages st on st.mission_id = a.mission_id
          left join c on c.mission_id = a.mission_id and c.stage_key = st.key
          order by m.code, st.position`,
    ),
  ]);
  const trackTier = TRACKS.flatMap((track) =>
    TIERS.map((tier) => {
      const c = cells.find((x) => x.track === track && x.tier === tier);
      const attempts = Number(c?.attempts ?? 0);
      return {
        track,
        tier,
        attempts,
        submitted: Number(c?.submitted ?? 0),
        completion_rate: attempts ? rate(Number(c?.submitted ?? 0), attempts) : null,
        pass_rate: c && Number(c.reviewed) ? rate(Number(c.passed), Number(c.reviewed)) : null,
      };
    }),
  );
  const missions = new Map<string, { mission_id: string; mission: string; title: string; attempts: number; stages: { stage: string; title: string; position: number; completed: number; completion_rate: number }[] }>();
  for (const r of stages) {
    if (!missions.has(r.mission_id)) missions.set(r.mission_id, { mission_id: r.mission_id, mission: r.code, title: r.title, attempts: Number(r.attempts), stages: [] });
    missions.get(r.mission_id)!.stages.push({ stage: r.key, title: r.stage_title, position: Number(r.position), completed: Number(r.completed), completion_rate: rate(Number(r.completed), Number(r.attempts)) });
  }
  return { filters: scopeJson(s), track_tier: trackTier, mission_stage: [...missions.values()] };
}
export type Heatmap = Awaited<ReturnType<typeof computeHeatmap>>;
