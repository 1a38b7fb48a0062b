import "server-only";
import { sql } from "drizzle-orm";
import { readDb, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { rate } from "./math";
import { scopeJson, type Scope } from "./filters";
import { ITEM_READS } from "./items";
import { itemSource, withSource, type Source } from "./source";
import { AGGREGATE_TABLES } from "./aggregates";
import { keepRolled, keptFigure } from "./kept";

/**
 * Completion heatmaps: by track × tier (every cell, even empty ones), and by mission × stage
 * (share of a mission's attempts that completed each stage).
 */
export async function heatmap(s: Scope, db0: Tx = readDb()) {
  return withSource(
    s,
    ["count", "stage_done"],
    async (src, tx) => {
      const { value, asOf } = await keepRolled(heatmapFigures, src, tx);
      return { filters: scopeJson(src.filters), as_of: asOf.toISOString(), ...value };
    },
    db0,
  );
}

// Everything but the echoed filters is determined by the items.
const heatmapFigures = keptFigure({ name: "heatmap", reads: [...AGGREGATE_TABLES, ...ITEM_READS, "mission_stages"], compute: heatmapSections });

async function heatmapSections(src: Source, tx: Tx) {
  const [cells, stages] = await Promise.all([
    rows<{ track: string; tier: string; attempts: number; submitted: number; passed: number; reviewed: number }>(
      tx,
      sql`select m.track, m.tier, sum(i.n) filter (where i.key = 'attempts')::int as attempts, sum(i.n) filter (where i.key = 'submissions')::int as submitted,
            sum(i.n) filter (where i.key = 'passed')::int as passed, sum(i.n) filter (where i.key = 'reviewed')::int as reviewed
          from ${itemSource(src, ["count"])} i join missions m on m.id = i.mission_id group by 1, 2`,
    ),
    rows<{ mission_id: string; code: string; title: string; attempts: number; key: string; stage_title: string; position: number; completed: number }>(
      tx,
      sql`with a as (
            select i.mission_id, sum(i.n)::int as attempts from ${itemSource(src, ["count"])} i
            where i.key = 'attempts' group by 1 having sum(i.n) > 0 order by 2 desc limit 25),
          c as (
            select i.mission_id, i.key as stage_key, sum(i.n)::int as completed from ${itemSource(src, ["stage_done"])} i
            where i.mission_id in (select mission_id from a) group by 1, 2)
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
  return { track_tier: trackTier, mission_stage: [...missions.values()] };
}
export type Heatmap = Awaited<ReturnType<typeof heatmap>>;
