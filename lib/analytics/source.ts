import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlTextArray } from "@/lib/db/sql";
import { cellMask, scopedAttempts, type ItemKind } from "./items";
import { isRangeScope, learnerScope, progressWhere, rollupScope, type Scope } from "./filters";
import { ensureRange, refreshRollups, rollupState } from "./rollup";
import { insertItems, withAttempts, withItemsTable } from "./compute";

/**
 * Where a dashboard answer's items come from, decided once per request by withSource and handed to
 * every section, so that no section asks "rollup or live" again:
 * - rolled: the rows of a rollup scope (rollupScope in filters.ts) in mission_rollup_items, brought
 *   up to date, at the rollup's `version`; what is computed from them may be kept under that
 *   version (keepRolled in kept.ts), and is the same whoever asks;
 * - live: the attempts in scope and their items, computed for this request into temporary tables
 *   (`attempts`, `items`) that exist only inside withSource's transaction, so read them through
 *   the `tx` it hands over.
 * `filters` is what the request asked for, with the learner list a live source counts.
 */
export type Source = { kind: "rolled"; filters: Scope; scope: string; version: string } | { kind: "live"; filters: Scope; attempts: SQL; items: SQL };

/**
 * Runs `fn` over the source that answers `s`. A rolled-up scope is refreshed first when writes are
 * waiting (and a date range's scope computed the first time it is asked for); its version is read
 * after that and before any section, so what the sections read is at least that new. A live scope's
 * attempts and the items of `kinds` are computed once, in one transaction, for every section.
 */
export async function withSource<T>(s: Scope, kinds: readonly ItemKind[], fn: (src: Source, tx: Tx) => Promise<T>, tx: Tx = db): Promise<T> {
  const scope = rollupScope(s);
  if (scope !== null) {
    // One read on the usual path (nothing to refresh, range kept); read again only after a change.
    let state = await rollupState(tx);
    if (state.pending) {
      await refreshRollups(tx);
      state = await rollupState(tx);
    }
    if (isRangeScope(scope) && (await ensureRange(tx, scope, s))) state = await rollupState(tx);
    return fn({ kind: "rolled", filters: s, scope, version: state.version }, tx);
  }
  const filters: Scope = { ...s, learnerIds: await liveLearners(s, tx) };
  return tx.transaction((t) =>
    withAttempts(t, scopedAttempts(progressWhere(filters)), (attempts) =>
      withItemsTable(t, "live_items", async (items) => {
        await insertItems(t, items, kinds, attempts);
        return fn({ kind: "live", filters, attempts, items }, t);
      }),
    ),
  );
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
  if (s.track) parts.push(sql`m.track = ${s.track}`);
  if (s.tier) parts.push(sql`m.tier = ${s.tier}`);
  if (s.missionId) parts.push(sql`m.id = ${s.missionId}`);
  return sql.join(parts, sql` and `);
}

/** The items of some kinds in a source, as a relation with mission_rollup_items' columns. */
export function itemSource(src: Source, kinds: ItemKind[]): SQL {
  if (src.kind === "rolled") {
    return sql`(select i.scope, i.mission_id, i.kind, i.key, i.sub, i.value, i.n, i.n2, i.n3, i.total, i.max
      from mission_rollup_items i join missions m on m.id = i.mission_id
      where i.scope = ${src.scope} and i.kind = any(${sqlTextArray(kinds)}) and ${missionFilter(src.filters)})`;
  }
  return sql`(select i.scope, i.mission_id, i.kind, i.key, i.sub, i.value, i.n, i.n2, i.n3, i.total, i.max
    from ${src.items} i where i.kind = any(${sqlTextArray(kinds)}))`;
}

/** Distinct learners in a source: from the rollup (a mission's count, or learner_cells), or counted over a live source's attempts. */
export async function learnersInScope(src: Source, tx: Tx): Promise<number> {
  let r: { n: number }[];
  if (src.kind === "live") {
    r = await rows(tx, sql`select count(distinct user_id)::int as n from ${src.attempts}`);
  } else if (src.filters.missionId) {
    r = await rows(
      tx,
      sql`select coalesce(sum(i.n), 0)::int as n from mission_rollup_items i join missions m on m.id = i.mission_id
          where i.scope = ${src.scope} and i.kind = 'count' and i.key = 'learners' and ${missionFilter(src.filters)}`,
    );
  } else {
    r = await rows(tx, sql`select count(*)::int as n from learner_cells lc where lc.scope = ${src.scope} and lc.cells & ${cellMask(src.filters)} <> 0`);
  }
  return Number(r[0]?.n ?? 0);
}
