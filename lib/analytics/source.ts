import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { readDb, type Tx } from "@/lib/db";
import { rows, sqlTextArray, sqlUuidArray } from "@/lib/db/sql";
import type { ItemKind } from "./items";
import { learnerScope, progressFrom, progressWhere, rollupScope, type Scope } from "./filters";
import { aggregatesState } from "./aggregates";

/**
 * Where a dashboard answer's items come from, decided once per request by withSource and handed to
 * every section, so that no section asks "aggregates or live" again:
 * - rolled: a scope's rows of analytics_totals (undated) or analytics_daily (over whole UTC days when
 *   dated), as they are, at the aggregates' `version`; what is computed from them may be kept under
 *   that version (keepRolled in kept.ts), and is the same whoever asks;
 * - live: the facts (analytics_facts) of the attempts the request counts (a mentor's own learners, a
 *   range that is not whole days), summed by the same section SQL.
 * Either way the read only reads: nothing waits for a refresh, nothing is written (a read replica
 * serves it), and `asOf` says up to when writes are counted (aggregatesState).
 */
export type Source =
  | { kind: "rolled"; filters: Scope; scope: string; fromDay?: string; toDay?: string; version: string; asOf: Date }
  | { kind: "live"; filters: Scope; attempts: SQL; items: SQL; asOf: Date };

/** Runs `fn` over the source that answers `s` (read-only; `tx` defaults to the read pool, see readDb). */
export async function withSource<T>(s: Scope, kinds: readonly ItemKind[], fn: (src: Source, tx: Tx) => Promise<T>, tx: Tx = readDb()): Promise<T> {
  const rolled = rollupScope(s);
  const state = await aggregatesState(tx);
  if (rolled !== null) return fn({ kind: "rolled", filters: s, ...rolled, version: state.version, asOf: state.asOf }, tx);
  const filters: Scope = { ...s, learnerIds: await liveLearners(s, tx) };
  const where = sql`${progressFrom(filters)} where ${progressWhere(filters)}`;
  const attempts = sql`(select p.id, p.user_id, p.mission_id ${where})`;
  const items = sql`(select ''::text as scope, p.mission_id, f.kind, f.key, f.sub, f.value, f.n, f.n2, f.n3, f.total::float8 as total
    ${progressFrom(filters)} join analytics_facts f on f.progress_id = p.id where ${progressWhere(filters)} and f.kind = any(${sqlTextArray(kinds)}))`;
  return fn({ kind: "live", filters, attempts, items, asOf: state.asOf }, tx);
}

const LIVE_LEARNER_LIMIT = 5000;

/**
 * The learners a live scope counts, listed when there are at most LIVE_LEARNER_LIMIT (see
 * Scope.learnerIds); everyone, for an admin without a cohort filter, needs no list.
 */
async function liveLearners(s: Scope, tx: Tx): Promise<string[] | undefined> {
  if (s.caller.role === "admin" && !s.cohortId) return undefined;
  const learners = await rows<{ id: string }>(
    tx,
    sql`select u.id::text as id from users u where ${learnerScope(s.caller, sql`u.id`)}
        ${s.cohortId ? sql`and u.id in (select user_id from cohort_members where cohort_id = ${s.cohortId})` : sql``}
        limit ${LIVE_LEARNER_LIMIT + 1}`,
  );
  return learners.length <= LIVE_LEARNER_LIMIT ? learners.map((x) => x.id) : undefined;
}

/** Missions in scope, as SQL over `m` (track, tier and mission filters). */
function missionFilter(s: Scope): SQL {
  const parts: SQL[] = [sql`true`];
  if (s.missionIds) parts.push(sql`m.id = any(${sqlUuidArray(s.missionIds)})`);
  if (s.track) parts.push(sql`m.track = ${s.track}`);
  if (s.tier) parts.push(sql`m.tier = ${s.tier}`);
  if (s.missionId) parts.push(sql`m.id = ${s.missionId}`);
  return sql.join(parts, sql` and `);
}

/** The day buckets of a rolled source, as SQL over `alias`.day. */
function dayFilter(src: { fromDay?: string; toDay?: string }, alias: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (src.fromDay) parts.push(sql`${sql.identifier(alias)}.day >= ${src.fromDay}::date`);
  if (src.toDay) parts.push(sql`${sql.identifier(alias)}.day < ${src.toDay}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * The items of some kinds in a source, as a relation (scope, mission_id, kind, key, sub, value, n, n2,
 * n3, total): one row per all-time bucket, day bucket or attempt, so sections always sum (or take
 * max/percentiles).
 */
export function itemSource(src: Source, kinds: ItemKind[]): SQL {
  if (src.kind === "rolled" && !src.fromDay && !src.toDay) {
    // Undated: the all-time buckets, a fraction of the scope's daily rows (analytics_totals).
    return sql`(select i.scope, i.mission_id, i.kind, i.key, i.sub, i.value, i.n, i.n2, i.n3, i.total::float8 as total
      from analytics_totals i join missions m on m.id = i.mission_id
      where i.scope = ${src.scope} and i.kind = any(${sqlTextArray(kinds)}) and ${missionFilter(src.filters)})`;
  }
  if (src.kind === "rolled") {
    return sql`(select i.scope, i.mission_id, i.kind, i.key, i.sub, i.value, i.n, i.n2, i.n3, i.total::float8 as total
      from analytics_daily i join missions m on m.id = i.mission_id
      where i.scope = ${src.scope} and i.kind = any(${sqlTextArray(kinds)}) and ${dayFilter(src, "i")} and ${missionFilter(src.filters)})`;
  }
  return sql`(select * from ${src.items} i where i.kind = any(${sqlTextArray(kinds)}))`;
}

/**
 * Distinct learners in a source: a whole scope's from analytics_scope_learners (one row per learner),
 * days or missions of it from analytics_learner_days, a live source's counted over its attempts.
 */
export async function learnersInScope(src: Source, tx: Tx): Promise<number> {
  const f = src.filters;
  const wholeScope = src.kind === "rolled" && !src.fromDay && !src.toDay && !f.missionIds && !f.missionId && !f.track && !f.tier;
  const r =
    src.kind === "live"
      ? await rows<{ n: number }>(tx, sql`select count(distinct user_id)::int as n from ${src.attempts} a`)
      : wholeScope
        ? await rows<{ n: number }>(tx, sql`select count(*)::int as n from analytics_scope_learners where scope = ${src.scope}`)
        : await rows<{ n: number }>(
          tx,
          sql`select count(distinct l.user_id)::int as n from analytics_learner_days l join missions m on m.id = l.mission_id
              where l.scope = ${src.scope} and ${dayFilter(src, "l")} and ${missionFilter(src.filters)}`,
        );
  return Number(r[0]?.n ?? 0);
}
