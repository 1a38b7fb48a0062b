import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlUuidArray } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { ALL_KINDS, CELL_BIT, LEARNER_SCOPES, scopedAttempts } from "./items";
import { baseScope, isRangeScope, resolveScope, rollupScope, type Scope } from "./filters";
import { DATE_PRESET_DAYS, presetFrom } from "./presets";
import { ITEM_COLUMNS, ROLLUP_ITEMS, insertItems, withAttempts, withItemsTable } from "./compute";
import type { Caller } from "@/lib/auth/session";

/**
 * The rollup's own tables: only the refresh, a range's first computation and a rebuild write them,
 * each moving the version on in the same transaction, so an answer kept under that version needs
 * no trigger on them.
 */
export const ROLLUP_TABLES = ["mission_rollup_items", "learner_cells", "analytics_ranges"] as const;

/** mission_rollup_items' primary key. */
const ITEM_KEY = sql`scope, kind, mission_id, key, sub, value`;

// One refresher at a time: a refresh that started later must not be overwritten by an older one.
const REFRESH_LOCK = 727275;

/**
 * Brings mission_rollup_items up to date: recomputes every mission marked in analytics_dirty (by the
 * triggers in drizzle/0001_analytics_rollups.sql) and adds their learners' track × tier cells.
 * The dashboards call it before reading (and the server every SORTIE_ROLLUP_REFRESH_SECONDS, see
 * refresher.ts); with nothing marked it costs one lookup. A refresh costs ~0.5–0.9 s per marked
 * mission at 100k attempts (~2.5k per mission, every scope and kept range), so busy deployments may
 * allow the figures to lag by SORTIE_ROLLUP_MAX_LAG_SECONDS (default 0: always exact).
 *
 * Why this is exact under concurrent writes: marks are only ever appended, and the DELETE below removes
 * just the marks its snapshot sees. A write that committed before that snapshot is seen by the
 * recomputation (which runs after it, under the lock); a write that commits later leaves a mark that
 * survives for the next refresh. Returns how many missions were recomputed.
 */
export async function refreshRollups(tx: Tx = db, { maxLagSeconds = env().SORTIE_ROLLUP_MAX_LAG_SECONDS } = {}): Promise<number> {
  if (!(await rollupState(tx, { maxLagSeconds })).pending) return 0;
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const marked = await rows<{ id: string }>(t, sql`with d as (delete from analytics_dirty returning mission_id) select distinct mission_id::text as id from d`);
    // Missions deleted since they were marked have nothing to recompute (their rows cascaded away).
    const ids = marked.map((x) => x.id);
    if (ids.length === 0) return 0;
    await bumpVersion(t);
    const set = sqlUuidArray(ids);
    const where = sql`p.mission_id = any(${set})`;
    // The marked missions' attempts, once per scope they count in; every kind's query reads them.
    await withAttempts(t, scopedAttempts(where, { expandScopes: true }), async (attempts) => {
      // Their items are computed aside, then only the rows that changed are written: after a small
      // change a refresh rewrites a few rows, and the rest stay all-visible for index-only reads.
      await withItemsTable(t, "fresh_items", async (fresh) => {
        await insertItems(t, fresh, ALL_KINDS, attempts);
        await t.execute(sql`delete from mission_rollup_items i where i.mission_id = any(${set}) and (${ITEM_KEY}) in (
          select ${ITEM_KEY} from mission_rollup_items where mission_id = any(${set}) except select ${ITEM_KEY} from ${fresh})`);
        await t.execute(sql`insert into mission_rollup_items (${ITEM_COLUMNS})
          select ${ITEM_COLUMNS} from ${fresh}
          except select ${ITEM_COLUMNS} from mission_rollup_items where mission_id = any(${set})
          on conflict (${ITEM_KEY}) do update
            set n = excluded.n, n2 = excluded.n2, n3 = excluded.n3, total = excluded.total, max = excluded.max
            where (mission_rollup_items.n, mission_rollup_items.n2, mission_rollup_items.n3, mission_rollup_items.total, mission_rollup_items.max)
              is distinct from (excluded.n, excluded.n2, excluded.n3, excluded.total, excluded.max)`);
      });
      // Learners' cells per scope: drop the rows of scopes a touched learner has left, then add bits.
      // A learner stays in a range of everyone, and in a range of a cohort or organisation they are in.
      await t.execute(sql`delete from learner_cells lc where lc.scope <> '' and lc.user_id in (select user_id from ${attempts})
        and not exists (select 1 from ${LEARNER_SCOPES} ls where ls.user_id = lc.user_id and ls.scope = lc.scope)
        and not exists (select 1 from analytics_ranges r where r.scope = lc.scope
          and (r.base = '' or exists (select 1 from ${LEARNER_SCOPES} ls where ls.user_id = lc.user_id and ls.scope = r.base)))`);
      await addLearnerCells(t, attempts);
    });
    return ids.length;
  });
}

/**
 * Moves the rollup's version on (analytics_generation), in the transaction that changes the rollup:
 * readers see the new version together with the rows it stands for. The row lock is uncontended,
 * since every writer of the rollup already holds REFRESH_LOCK.
 */
async function bumpVersion(t: Tx) {
  await t.execute(sql`update analytics_generation set generation = generation + 1 where id = 1`);
}

/**
 * The rollup's state in one read: its version ("<epoch>:<generation>"; unchanged means every rollup
 * row, and the content the dashboards show beside them, is as it was, see memo.ts), whether a
 * refresh is due (a mark at least `maxLagSeconds` old: with a lag allowed, under steady activity one
 * read in that window pays for the recomputation instead of every read), and how many marks wait.
 */
export async function rollupState(tx: Tx = db, { maxLagSeconds = env().SORTIE_ROLLUP_MAX_LAG_SECONDS } = {}) {
  const [v] = await rows<{ version: string; pending: boolean; marks: number }>(
    tx,
    sql`select g.epoch::text || ':' || g.generation::text as version,
          exists (select 1 from analytics_dirty where marked_at <= now() - make_interval(secs => ${maxLagSeconds})) as pending,
          (select count(*) from analytics_dirty)::int as marks
        from analytics_generation g where g.id = 1`,
  );
  if (!v) throw new Error("analytics_generation has no row: run the migrations");
  return { version: v.version, pending: !!v.pending, marks: Number(v.marks) };
}

/** The rollup's version alone (see rollupState). */
export async function rollupVersion(tx: Tx = db): Promise<string> {
  return (await rollupState(tx)).version;
}

/**
 * A token that changes whenever a write that marks analytics_dirty commits, whether or not the
 * rollup has been refreshed since: the rollup's version plus the number of marks waiting. Between
 * refreshes marks are only appended, and the refresh that deletes them moves the version on in the
 * same transaction. Answers computed from the raw tables those marks cover (the cohort dashboard's
 * attempt figures) stay exact while it is unchanged, without paying for a refresh.
 */
export async function changeToken(tx: Tx = db): Promise<string> {
  const { version, marks } = await rollupState(tx);
  return `${version}:${marks}`;
}

/** Adds the track × tier bits of `attempts` (withAttempts' relation) to their learners' cells, per scope. */
async function addLearnerCells(t: Tx, attempts: SQL) {
  // Only rows that gain a bit are written (most refreshes add none).
  await t.execute(sql`insert into learner_cells (scope, user_id, cells)
    select g.scope, g.user_id, g.cells from (
      select p.scope, p.user_id, bit_or(${CELL_BIT}) as cells from ${attempts} p join missions m on m.id = p.mission_id group by p.scope, p.user_id) g
    left join learner_cells lc on lc.scope = g.scope and lc.user_id = g.user_id
    where lc.cells is null or lc.cells | g.cells <> lc.cells
    on conflict (scope, user_id) do update set cells = learner_cells.cells | excluded.cells
      where learner_cells.cells <> learner_cells.cells | excluded.cells`);
}

/**
 * Makes sure a day-aligned date range (a range scope, see rangeScope in filters.ts) is kept in the
 * rollup: marks it used (at most once a minute, so reads rarely write), or computes it the first time
 * it is asked for, under the refresh lock, and drops the least recently used ranges beyond
 * SORTIE_ROLLUP_RANGES. Returns true when it computed it. From then on refreshRollups() keeps it
 * exact like any other scope. The reasoning in refreshRollups() holds here too: the attempts are read
 * after the lock is taken, so a write it misses leaves a mark that the next refresh (which sees this
 * range) consumes.
 */
export async function ensureRange(tx: Tx, scope: string, s: Scope) {
  const [touched] = await rows<{ kept: boolean }>(
    tx,
    sql`with t as (update analytics_ranges set last_used_at = now() where scope = ${scope} and last_used_at < now() - interval '1 minute' returning 1)
        select exists (select 1 from analytics_ranges where scope = ${scope}) as kept`,
  );
  if (touched?.kept) return false;
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    // Another request may have computed it while this one waited for the lock.
    const [again] = await rows<{ kept: boolean }>(t, sql`select exists (select 1 from analytics_ranges where scope = ${scope}) as kept`);
    if (again?.kept) return false;
    await t.execute(sql`insert into analytics_ranges (scope, base, from_at, to_at)
      values (${scope}, ${baseScope(s) ?? ""}, ${s.from?.toISOString() ?? null}, ${s.to?.toISOString() ?? null})`);
    await t.execute(sql`with gone as (
        delete from analytics_ranges where scope in (select scope from analytics_ranges order by last_used_at desc, scope offset ${env().SORTIE_ROLLUP_RANGES})
        returning scope),
      items as (delete from mission_rollup_items where scope in (select scope from gone))
      delete from learner_cells where scope in (select scope from gone)`);
    await withAttempts(t, scopedAttempts(sql`true`, { range: scope }), async (attempts) => {
      await insertItems(t, ROLLUP_ITEMS, ALL_KINDS, attempts);
      await addLearnerCells(t, attempts);
    });
    await bumpVersion(t);
    return true;
  });
}

/**
 * Computes the preset date ranges (DATE_PRESET_DAYS) of everyone's view ahead of the first admin who
 * clicks one, so that click does not pay for it (the refresh-analytics job calls this). A preset
 * that holds every attempt is the undated rollup already and is skipped. Returns how many it computed.
 */
export async function preparePresetRanges(tx: Tx = db): Promise<number> {
  if (env().SORTIE_ROLLUP_RANGES === 0) return 0;
  // Any admin sees the same ("" base scope); the id is not used for it.
  const caller: Caller = { id: "00000000-0000-0000-0000-000000000000", role: "admin", email: "", name: "refresh-analytics job", organisationId: null };
  let computed = 0;
  for (const days of DATE_PRESET_DAYS) {
    const s = await resolveScope({ caller, filter: { from: presetFrom(days) }, abandonDays: env().SORTIE_ABANDON_DAYS, tx });
    const scope = rollupScope(s);
    if (isRangeScope(scope) && (await ensureRange(tx, scope, s))) computed++;
  }
  return computed;
}

/** Recomputes the whole rollup from the raw tables (after bulk loads, or if it is ever in doubt). */
export async function rebuildRollups(tx: Tx = db): Promise<number> {
  await tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await t.execute(sql`delete from learner_cells`);
    await t.execute(sql`insert into analytics_dirty (mission_id) select id from missions`);
    await bumpVersion(t);
  });
  return refreshRollups(tx, { maxLagSeconds: 0 });
}
