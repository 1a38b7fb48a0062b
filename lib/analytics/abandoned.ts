import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { readDb, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { attemptWhere, progressFrom, progressWhere, type Scope } from "./filters";
import { itemSource, type Source } from "./source";
import { keepRolled, keptFigure } from "./kept";
import { AGGREGATE_TABLES } from "./aggregates";

const DAY_MS = 86_400_000;

export interface IdleStage {
  mission: string;
  stage: string | null;
  stage_title: string | null;
  abandoned: number;
}

/**
 * Abandoned attempts (open, idle for `abandonDays`: last activity before now − that many days) per
 * mission and stage, most first.
 *
 * The count depends on the clock, so it cannot be a kept answer as such. On a rolled-up source it is
 * split at the start of the cutoff's UTC day: the open attempts whose last activity was on an earlier
 * day are the `open` items (value = UTC day of the last activity) below that day, summed from the
 * aggregates and kept per aggregates version and cutoff day; those idle since earlier on the cutoff's
 * own day are counted live, an index range of at most one day of open attempts. At 1M attempts the
 * whole-scope live count read every open attempt on every dashboard answer. A live source (a mentor's
 * own learners) counts its open attempts live.
 */
export async function abandonedAttempts(src: Source, tx: Tx = readDb(), now = new Date()): Promise<IdleStage[]> {
  const cutoff = new Date(now.getTime() - src.filters.abandonDays * DAY_MS);
  if (src.kind === "live") return merge(await idleAttempts(src.filters, tx, { before: cutoff }));
  const beforeDay = Math.floor(cutoff.getTime() / DAY_MS);
  const [{ value: earlier }, sameDay] = await Promise.all([
    keepRolled(idleBeforeDay, { ...src, beforeDay }, tx, String(beforeDay)),
    idleAttempts(src.filters, tx, { since: new Date(beforeDay * DAY_MS), before: cutoff, scope: src.scope }),
  ]);
  return merge([...earlier, ...sameDay]);
}

/**
 * Open attempts with their last activity in [`since`, `before`), counted from mission_progress
 * (mission_progress_open_idx, index-only). With a rolled-up `scope`, its attempts are those of the
 * learners the aggregates count in it (analytics_scope_learners, probed per idle attempt; a learner's
 * attempts all count in the same scopes): an organisation's learners as a membership subquery made the
 * planner hash all 100k of them on every answer (100 ms at 10M events; the probes: 4 ms).
 */
export async function idleAttempts(s: Scope, tx: Tx, { before, since, scope }: { before: Date; since?: Date; scope?: string }): Promise<IdleStage[]> {
  const where =
    scope === undefined
      ? progressWhere(s)
      : scope === ""
        ? attemptWhere(s)
        : sql`exists (select 1 from analytics_scope_learners l where l.scope = ${scope} and l.user_id = p.user_id) and ${attemptWhere(s)}`;
  const r = await rows<{ mission_code: string; stage_key: string | null; stage_title: string | null; n: number }>(
    tx,
    withTitles(sql`select p.mission_id, p.current_stage as stage_key, count(*)::int as n ${progressFrom(s)}
              where ${where} and p.state in ('in_progress','changes_requested')
                and p.last_activity_at < ${before.toISOString()}::timestamptz
                ${since ? sql`and p.last_activity_at >= ${since.toISOString()}::timestamptz` : sql``}
              group by 1, 2`),
  );
  return r.map(toIdle);
}

/** The open attempts of a rolled-up source whose last activity was on a UTC day before `beforeDay`. */
const idleBeforeDay = keptFigure({
  name: "abandoned-before-day",
  reads: [...AGGREGATE_TABLES, "missions", "mission_stages"],
  compute: async (src: Source & { beforeDay: number }, tx: Tx) => {
    const r = await rows<{ mission_code: string; stage_key: string | null; stage_title: string | null; n: number }>(
      tx,
      withTitles(sql`select i.mission_id, nullif(i.key, '') as stage_key, sum(i.n)::int as n from ${itemSource(src, ["open"])} i
                where i.value < ${src.beforeDay} group by 1, 2 having sum(i.n) > 0`),
    );
    return r.map(toIdle);
  },
});

/** Counts per (mission_id, stage_key) with the mission's code and the stage's title, grouped before anything is joined. */
const withTitles = (counts: SQL) => sql`select m.code as mission_code, i.stage_key, st.title as stage_title, i.n
  from (${counts}) i join missions m on m.id = i.mission_id
  left join mission_stages st on st.mission_id = i.mission_id and st.key = i.stage_key`;

const toIdle = (x: { mission_code: string; stage_key: string | null; stage_title: string | null; n: number }): IdleStage => ({
  mission: x.mission_code,
  stage: x.stage_key,
  stage_title: x.stage_title ?? x.stage_key,
  abandoned: Number(x.n),
});

/** Sums counts of the same mission and stage; most first, then by mission and stage (no stage last). */
function merge(list: IdleStage[]): IdleStage[] {
  const by = new Map<string, IdleStage>();
  for (const x of list) {
    const k = `${x.mission}\u0000${x.stage ?? ""}`;
    const e = by.get(k);
    if (e) e.abandoned += x.abandoned;
    else by.set(k, { ...x });
  }
  return [...by.values()].sort((a, b) => b.abandoned - a.abandoned || cmp(a.mission, b.mission) || cmp(a.stage ?? "\uffff", b.stage ?? "\uffff"));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
