import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { FACT_COLUMNS, allFacts } from "./items";

/**
 * The incremental aggregates the dashboards read (CONTRIBUTING.md, "Analytics").
 *
 * Writers never compute figures: statement triggers append what they touched to analytics_changes in
 * the writer's transaction (an attempt; a learner whose cohorts changed; a mission whose content
 * changed). applyChanges() consumes that log in id order, once per cluster (the analytics-maintenance
 * job), and for each touched attempt subtracts what it contributed last time (analytics_attempts and
 * analytics_facts) and adds what it contributes now, to its day's buckets (analytics_daily) and the
 * all-time ones (analytics_totals): the cost is the attempt's own rows, never its mission's history. A learner's cohort move re-applies that learner's attempts; a content version
 * re-applies its mission's attempts (which choice is the expert's changes the deviation of each).
 *
 * Applying is state-based (subtract what was stored, add what the raw tables say now), so it is
 * idempotent and order-insensitive: a change seen twice, or a write that commits while a batch runs,
 * gives the same aggregates. rebuildAggregates() computes them from scratch; the property test
 * (aggregates.int.test.ts) checks that both always hold the same rows.
 */

/** The aggregates' own tables: only applyChanges and a rebuild write them, each moving the version on. */
export const AGGREGATE_TABLES = ["analytics_daily", "analytics_totals", "analytics_learner_days", "analytics_scope_learners", "analytics_facts", "analytics_attempts"] as const;

// One applier at a time (the job runs once per cluster; a rebuild or a test may run beside it).
const APPLY_LOCK = 727276;

/** Changes taken per transaction: a burst is applied in several short transactions. */
const BATCH = 5000;

/** The scopes a learner's attempts count in: everyone (""), each cohort, each organisation of one, sorted. */
const scopesOf = (user: SQL) => sql`array(select s from (select ''::text as s
  union select 'cohort:' || cm.cohort_id::text from cohort_members cm where cm.user_id = ${user}
  union select 'org:' || c.organisation_id::text from cohort_members cm join cohorts c on c.id = cm.cohort_id where cm.user_id = ${user}) x order by s)`;

const DAY = sql`(p.started_at at time zone 'UTC')::date`;

/**
 * The signed contribution to analytics_daily of attempts `atts` (analytics_attempts' columns) with their
 * facts `facts` (analytics_facts' columns): batch-sized temporary tables, so no lookups in the big ones.
 */
const contribution = (atts: SQL, facts: SQL, sign: 1 | -1) => sql`select s.scope, a.mission_id, a.day, f.kind, f.key, f.sub, f.value,
    ${sql.raw(String(sign))} * f.n as n, ${sql.raw(String(sign))} * f.n2 as n2, ${sql.raw(String(sign))} * f.n3 as n3, ${sql.raw(String(sign))} * f.total as total
  from ${atts} a cross join unnest(a.scopes) s(scope) join ${facts} f on f.progress_id = a.progress_id`;

const learnerContribution = (atts: SQL, sign: 1 | -1) => sql`select s.scope, a.mission_id, a.day, a.user_id, ${sql.raw(String(sign))} as n
  from ${atts} a cross join unnest(a.scopes) s(scope)`;

const ATTEMPT_COLUMNS = sql`progress_id, mission_id, user_id, day, scopes`;

const DAILY_KEY = sql`scope, kind, mission_id, day, key, sub, value`;
const TOTALS_KEY = sql`scope, kind, mission_id, key, sub, value`;

/**
 * Applies up to `batches` × BATCH logged changes, oldest first, each batch in one transaction that also
 * moves the aggregates' version on. Returns how many changes and attempts it applied.
 */
export async function applyChanges(tx: Tx = db, { batches = 20 } = {}): Promise<{ changes: number; attempts: number }> {
  const total = { changes: 0, attempts: 0 };
  for (let i = 0; i < batches; i++) {
    const r = await applyBatch(tx);
    total.changes += r.changes;
    total.attempts += r.attempts;
    if (r.changes < BATCH) break;
  }
  return total;
}

async function applyBatch(tx: Tx): Promise<{ changes: number; attempts: number }> {
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${APPLY_LOCK})`);
    await t.execute(sql`set local work_mem = '64MB'`);
    await t.execute(sql`create temporary table ac_taken (progress_id uuid, user_id uuid, mission_id uuid) on commit drop`);
    // The oldest changes this snapshot sees; later commits stay for the next batch.
    await t.execute(sql`with d as (
        delete from analytics_changes where id in (select id from analytics_changes order by id limit ${BATCH})
        returning progress_id, user_id, mission_id) insert into ac_taken select * from d`);
    // Their attempts' later changes that this statement sees are applied by this batch too (applying
    // reads each attempt's state as it is now): an attempt in use is logged many times a second (each
    // telemetry batch updates its stage time), and leaving those duplicates to later batches, each
    // re-applying the same attempts, made the consumer fall behind a steady write load.
    await t.execute(sql`with d as (
        delete from analytics_changes c where c.progress_id in (select progress_id from ac_taken where progress_id is not null)
        returning progress_id, user_id, mission_id) insert into ac_taken select * from d`);
    const [{ n: changes }] = await rows<{ n: number }>(t, sql`select count(*)::int as n from ac_taken`);
    if (Number(changes) === 0) return { changes: 0, attempts: 0 };
    // Every attempt touched: named directly, or of a learner / mission named (stored or current rows).
    await t.execute(sql`analyze ac_taken`);
    // One branch per index (a learner's or a mission's attempts), so the usual batch of attempt ids
    // alone never scans the attempts tables.
    await t.execute(sql`create temporary table ac_ids on commit drop as select distinct id from (
        select progress_id as id from ac_taken where progress_id is not null
        union all select a.progress_id from analytics_attempts a where a.user_id in (select user_id from ac_taken where user_id is not null)
        union all select a.progress_id from analytics_attempts a where a.mission_id in (select mission_id from ac_taken where mission_id is not null)
        union all select p.id from mission_progress p where p.user_id in (select user_id from ac_taken where user_id is not null)
        union all select p.id from mission_progress p where p.mission_id in (select mission_id from ac_taken where mission_id is not null)) x`);
    await t.execute(sql`create index on ac_ids (id)`);
    await t.execute(sql`analyze ac_ids`);
    // What the touched attempts contributed until now (their stored scopes and facts), and now (from
    // the attempts as they are, read once).
    await t.execute(sql`create temporary table ac_old_att on commit drop as
      select ${ATTEMPT_COLUMNS} from analytics_attempts a join ac_ids t on t.id = a.progress_id`);
    await t.execute(sql`create temporary table ac_old_facts on commit drop as
      select ${FACT_COLUMNS} from analytics_facts f join ac_ids t on t.id = f.progress_id`);
    await t.execute(sql`create temporary table ac_current on commit drop as select p.* from mission_progress p join ac_ids t on t.id = p.id`);
    await t.execute(sql`analyze ac_current`);
    const current = sql`ac_current`;
    await t.execute(sql`create temporary table ac_new_att on commit drop as
      select p.id as progress_id, p.mission_id, p.user_id, ${DAY} as day, ${scopesOf(sql`p.user_id`)} as scopes from ${current} p`);
    await t.execute(sql`create temporary table ac_new_facts on commit drop as ${allFacts(current)}`);
    // Only what changed is rewritten and added up: a telemetry batch changes one stage's time of an
    // attempt, not its other facts, and rewriting and re-adding them all was most of a batch's cost.
    // An attempt whose mission, day or scopes changed (or that came or went) moves all its facts.
    await t.execute(sql`create temporary table ac_moved on commit drop as
      select progress_id from (select ${ATTEMPT_COLUMNS} from ac_old_att except select ${ATTEMPT_COLUMNS} from ac_new_att) x
      union select progress_id from (select ${ATTEMPT_COLUMNS} from ac_new_att except select ${ATTEMPT_COLUMNS} from ac_old_att) y`);
    await t.execute(sql`delete from analytics_attempts a using ac_moved m where a.progress_id = m.progress_id`);
    await t.execute(sql`insert into analytics_attempts (${ATTEMPT_COLUMNS}) select ${ATTEMPT_COLUMNS} from ac_new_att where progress_id in (select progress_id from ac_moved)`);
    await t.execute(sql`create temporary table ac_gone on commit drop as
      select ${FACT_COLUMNS} from ac_old_facts except select ${FACT_COLUMNS} from ac_new_facts`);
    await t.execute(sql`create temporary table ac_came on commit drop as
      select ${FACT_COLUMNS} from ac_new_facts except select ${FACT_COLUMNS} from ac_old_facts`);
    await t.execute(sql`delete from analytics_facts f using ac_gone x
      where (f.progress_id, f.kind, f.key, f.sub, f.value) = (x.progress_id, x.kind, x.key, x.sub, x.value)`);
    await t.execute(sql`insert into analytics_facts (${FACT_COLUMNS}) select ${FACT_COLUMNS} from ac_came`);
    const moved = (facts: string) => sql`(select ${FACT_COLUMNS} from ${sql.identifier(`ac_${facts}_facts`)} where progress_id in (select progress_id from ac_moved)
      union select ${FACT_COLUMNS} from ${sql.identifier(facts === "old" ? "ac_gone" : "ac_came")})`;
    await t.execute(sql`create temporary table ac_delta on commit drop as
      ${contribution(sql`ac_old_att`, moved("old"), -1)} union all ${contribution(sql`ac_new_att`, moved("new"), 1)}`);
    const movedAtt = (side: "old" | "new") => sql`(select * from ${sql.identifier(`ac_${side}_att`)} where progress_id in (select progress_id from ac_moved))`;
    await t.execute(sql`create temporary table ac_ldelta on commit drop as
      ${learnerContribution(movedAtt("old"), -1)} union all ${learnerContribution(movedAtt("new"), 1)}`);
    // Scopes whose data changed, even when no figure did (a review: the cohort dashboard reads it).
    await t.execute(sql`create temporary table ac_scopes on commit drop as
      select unnest(scopes) as scope from ac_old_att union select unnest(scopes) from ac_new_att`);
    // Add the net deltas; rows that come to zero are removed, so the rows are exactly a rebuild's.
    await t.execute(sql`create temporary table ac_net on commit drop as
      select scope, mission_id, day, kind, key, sub, value, sum(n)::int as n, sum(n2)::int as n2, sum(n3)::int as n3, sum(total) as total
      from ac_delta group by scope, mission_id, day, kind, key, sub, value
      having sum(n) <> 0 or sum(n2) <> 0 or sum(n3) <> 0 or sum(total) <> 0`);
    await t.execute(sql`analyze ac_net`);
    await t.execute(sql`insert into analytics_daily (scope, mission_id, day, kind, key, sub, value, n, n2, n3, total)
      select scope, mission_id, day, kind, key, sub, value, n, n2, n3, total from ac_net
      on conflict (${DAILY_KEY}) do update set n = analytics_daily.n + excluded.n, n2 = analytics_daily.n2 + excluded.n2,
        n3 = analytics_daily.n3 + excluded.n3, total = analytics_daily.total + excluded.total`);
    await t.execute(sql`delete from analytics_daily d using ac_net x
      where (d.scope, d.kind, d.mission_id, d.day, d.key, d.sub, d.value) = (x.scope, x.kind, x.mission_id, x.day, x.key, x.sub, x.value)
        and d.n = 0 and d.n2 = 0 and d.n3 = 0 and d.total = 0`);
    // The same net deltas summed over their days, into the all-time buckets undated reads sum.
    await t.execute(sql`create temporary table ac_tnet on commit drop as
      select scope, mission_id, kind, key, sub, value, sum(n)::int as n, sum(n2)::int as n2, sum(n3)::int as n3, sum(total) as total
      from ac_net group by scope, mission_id, kind, key, sub, value
      having sum(n) <> 0 or sum(n2) <> 0 or sum(n3) <> 0 or sum(total) <> 0`);
    await t.execute(sql`analyze ac_tnet`);
    await t.execute(sql`insert into analytics_totals (scope, mission_id, kind, key, sub, value, n, n2, n3, total)
      select scope, mission_id, kind, key, sub, value, n, n2, n3, total from ac_tnet
      on conflict (${TOTALS_KEY}) do update set n = analytics_totals.n + excluded.n, n2 = analytics_totals.n2 + excluded.n2,
        n3 = analytics_totals.n3 + excluded.n3, total = analytics_totals.total + excluded.total`);
    await t.execute(sql`delete from analytics_totals d using ac_tnet x
      where (d.scope, d.kind, d.mission_id, d.key, d.sub, d.value) = (x.scope, x.kind, x.mission_id, x.key, x.sub, x.value)
        and d.n = 0 and d.n2 = 0 and d.n3 = 0 and d.total = 0`);
    await t.execute(sql`insert into analytics_learner_days (scope, mission_id, day, user_id, n)
      select scope, mission_id, day, user_id, sum(n)::int from ac_ldelta group by 1, 2, 3, 4 having sum(n) <> 0
      on conflict (scope, mission_id, day, user_id) do update set n = analytics_learner_days.n + excluded.n`);
    await t.execute(sql`delete from analytics_learner_days d using (select distinct scope, mission_id, day, user_id from ac_ldelta) x
      where (d.scope, d.mission_id, d.day, d.user_id) = (x.scope, x.mission_id, x.day, x.user_id) and d.n = 0`);
    await t.execute(sql`insert into analytics_scope_learners (scope, user_id, n)
      select scope, user_id, sum(n)::int from ac_ldelta group by 1, 2 having sum(n) <> 0
      on conflict (scope, user_id) do update set n = analytics_scope_learners.n + excluded.n`);
    await t.execute(sql`delete from analytics_scope_learners d using (select distinct scope, user_id from ac_ldelta) x
      where (d.scope, d.user_id) = (x.scope, x.user_id) and d.n = 0`);
    const [{ n: attempts }] = await rows<{ n: number }>(t, sql`select count(*)::int as n from ac_ids`);
    await bumpVersion(t);
    await t.execute(sql`insert into analytics_scope_versions (scope, generation)
      select distinct s.scope, g.generation from ac_scopes s cross join analytics_generation g where g.id = 1
      on conflict (scope) do update set generation = excluded.generation`);
    for (const table of ["ac_taken", "ac_ids", "ac_old_att", "ac_old_facts", "ac_current", "ac_new_att", "ac_new_facts", "ac_moved", "ac_gone", "ac_came", "ac_delta", "ac_ldelta", "ac_scopes", "ac_net", "ac_tnet"]) await t.execute(sql`drop table ${sql.identifier(table)}`);
    return { changes: Number(changes), attempts: Number(attempts) };
  });
}

/** Moves the aggregates' version on, in the transaction that changes them (readers see both together). */
async function bumpVersion(t: Tx) {
  await t.execute(sql`update analytics_generation set generation = generation + 1, applied_at = now() where id = 1`);
}

/**
 * Recomputes every aggregate from the raw tables, from scratch: after bulk loads, if they are ever in
 * doubt, and as the oracle of the property test. Changes logged before it are consumed by it.
 */
export async function rebuildAggregates(tx: Tx = db): Promise<{ attempts: number }> {
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${APPLY_LOCK})`);
    await t.execute(sql`set local work_mem = '64MB'`);
    await t.execute(sql`delete from analytics_changes`);
    for (const table of AGGREGATE_TABLES) await t.execute(sql`truncate ${sql.identifier(table)}`);
    const all = sql`mission_progress`;
    await t.execute(sql`insert into analytics_attempts (progress_id, mission_id, user_id, day, scopes)
      select p.id, p.mission_id, p.user_id, ${DAY}, coalesce(s.scopes, '{""}'::text[]) from mission_progress p
      left join (select u.user_id, ${scopesOf(sql`u.user_id`)} as scopes from (select distinct user_id from cohort_members) u) s on s.user_id = p.user_id`);
    await t.execute(sql`insert into analytics_facts (${FACT_COLUMNS}) ${allFacts(all)}`);
    await t.execute(sql`insert into analytics_daily (scope, mission_id, day, kind, key, sub, value, n, n2, n3, total)
      select s.scope, a.mission_id, a.day, f.kind, f.key, f.sub, f.value, sum(f.n), sum(f.n2), sum(f.n3), sum(f.total)
      from analytics_attempts a cross join unnest(a.scopes) s(scope) join analytics_facts f on f.progress_id = a.progress_id
      group by 1, 2, 3, 4, 5, 6, 7`);
    await t.execute(sql`insert into analytics_totals (scope, mission_id, kind, key, sub, value, n, n2, n3, total)
      select scope, mission_id, kind, key, sub, value, sum(n), sum(n2), sum(n3), sum(total) from analytics_daily
      group by scope, mission_id, kind, key, sub, value
      having sum(n) <> 0 or sum(n2) <> 0 or sum(n3) <> 0 or sum(total) <> 0`);
    await t.execute(sql`insert into analytics_learner_days (scope, mission_id, day, user_id, n)
      select s.scope, a.mission_id, a.day, a.user_id, count(*) from analytics_attempts a cross join unnest(a.scopes) s(scope) group by 1, 2, 3, 4`);
    await t.execute(sql`insert into analytics_scope_learners (scope, user_id, n)
      select scope, user_id, sum(n) from analytics_learner_days group by 1, 2`);
    await bumpVersion(t);
    await t.execute(sql`insert into analytics_scope_versions (scope, generation)
      select distinct s.scope, g.generation from analytics_attempts a cross join unnest(a.scopes) s(scope) cross join analytics_generation g where g.id = 1
      on conflict (scope) do update set generation = excluded.generation`);
    const [{ n }] = await rows<{ n: number }>(t, sql`select count(*)::int as n from analytics_attempts`);
    return { attempts: Number(n) };
  });
}

/**
 * The aggregates' state in one read, without writing: their version ("<epoch>:<generation>"; an answer
 * kept under it stays exact while it is unchanged, see memo.ts) and `asOf`, the time up to which every
 * write is counted (the oldest change still waiting, or now when none waits).
 */
export async function aggregatesState(tx: Tx = db): Promise<{ version: string; asOf: Date; waiting: boolean }> {
  const [v] = await rows<{ version: string; oldest: string | Date | null; now: string | Date }>(
    tx,
    sql`select g.epoch::text || ':' || g.generation::text as version,
          (select logged_at from analytics_changes order by id limit 1) as oldest, now() as now
        from analytics_generation g where g.id = 1`,
  );
  if (!v) throw new Error("analytics_generation has no row: run the migrations");
  return { version: v.version, asOf: new Date(v.oldest ?? v.now), waiting: v.oldest !== null };
}

/**
 * VACUUM of the change log, after a consumer run that deleted from it. The log is a queue (appended at
 * one end, deleted from the other) and every dashboard read looks at its head (aggregatesState), so
 * the dead rows a run leaves there are scanned by each read until a vacuum clears them: at 10M, with
 * autovacuum off (as on this project's CI machine) and 6.1M dead rows, that lookup took 45–144 ms of
 * every answer. Cheap when the log is small; SKIP_LOCKED so it never waits. A failure is logged, not
 * thrown: the changes are applied either way.
 */
export async function vacuumChangeLog(tx: Tx = db): Promise<void> {
  try {
    await tx.execute(sql`vacuum (skip_locked) analytics_changes`);
  } catch (e) {
    console.warn(`[analytics] vacuum of analytics_changes failed: ${(e as Error).message}`);
  }
}

/** The aggregates' version alone (see aggregatesState). */
export async function aggregatesVersion(tx: Tx = db): Promise<string> {
  return (await aggregatesState(tx)).version;
}

/**
 * The version of one scope's data ("<epoch>:<generation when it last changed>"): it moves only when an
 * attempt counted in that scope (or a review of one) changed, or a learner joined or left it.
 */
export async function scopeVersion(scope: string, tx: Tx = db): Promise<string> {
  const [v] = await rows<{ version: string }>(
    tx,
    sql`select g.epoch::text || ':' || coalesce((select generation from analytics_scope_versions where scope = ${scope}), 0)::text as version
        from analytics_generation g where g.id = 1`,
  );
  return v?.version ?? "";
}

