import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { keptCondition } from "./telemetry-readers";

// Monthly partitions of telemetry_events (drizzle/0010): telemetry_events_yYYYYmMM holds the UTC month
// [start, start + 1 month) of occurred_at; telemetry_events_default holds months without a partition.

const PARTITION = /^telemetry_events_y(\d{4})m(\d{2})$/;

export interface TelemetryPartition {
  name: string;
  /** First instant of its month (UTC). */
  from: Date;
  /** First instant of the next month. */
  to: Date;
}

/** The month partition a name stands for, or null (the default partition, or anything else). */
export function partitionMonth(name: string): TelemetryPartition | null {
  const m = PARTITION.exec(name);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { name, from: new Date(Date.UTC(y, mo, 1)), to: new Date(Date.UTC(y, mo + 1, 1)) };
}

/** The month partitions attached to telemetry_events, oldest first. */
export async function telemetryPartitions({ tx = db }: { tx?: Tx } = {}): Promise<TelemetryPartition[]> {
  const found = await rows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'telemetry_events'::regclass order by c.relname`,
  );
  return found.map((r) => partitionMonth(r.name)).filter((p): p is TelemetryPartition => p !== null);
}

/**
 * Makes the partition of every UTC month from `from` to `to` (inclusive) that does not exist yet,
 * moving rows of those months out of the default partition (telemetry_ensure_partition). Returns the
 * partitions made. Takes a lock on telemetry_events for the moment of each attach.
 */
export async function ensureTelemetryPartitions({ from, to, tx = db }: { from: Date; to: Date; tx?: Tx }): Promise<string[]> {
  const made = await rows<{ name: string | null }>(
    tx,
    sql`select telemetry_ensure_partition(m at time zone 'UTC') as name
        from generate_series(date_trunc('month', ${from.toISOString()}::timestamptz at time zone 'UTC'),
                             ${to.toISOString()}::timestamptz at time zone 'UTC', interval '1 month') m`,
  );
  return made.map((r) => r.name).filter((n): n is string => n !== null);
}

/** The UTC months (first instants) that have rows waiting in the default partition, oldest first. */
export async function monthsInDefaultPartition({ tx = db }: { tx?: Tx } = {}): Promise<Date[]> {
  const found = await rows<{ m: string | Date }>(
    tx,
    sql`select distinct date_trunc('month', occurred_at at time zone 'UTC') at time zone 'UTC' as m from telemetry_events_default order by 1`,
  );
  return found.map((r) => new Date(r.m));
}

export interface TrimResult {
  partition: string;
  kept: number;
  dropped: number;
  /** "dropped" (no row needed: the partition is emptied, then removed), "trimmed" (only needed rows left), "unchanged". */
  action: "dropped" | "trimmed" | "unchanged";
}

/**
 * Drops from one month partition every row no reader needs (keptCondition, lib/db/queries/telemetry-readers.ts),
 * and their ids from telemetry_event_ids, in the caller's transaction. Only the partition is locked,
 * never telemetry_events itself (ingest into other months carries on; taking the parent's lock while
 * holding the partition's could deadlock with an insert waiting for this month): SHARE first, so no
 * event lands in it between choosing what to keep and emptying it; then TRUNCATE (the space is
 * returned at once, no dead rows) and the kept rows written back with the partition's user triggers
 * disabled, so nothing counts them twice; every kept row keeps its id, received_at and month. A
 * partition left empty is removed by dropEmptyPartition, in a transaction of its own.
 */
export async function trimPartition({ partition, tx }: { partition: TelemetryPartition; tx: Tx }): Promise<TrimResult> {
  if (!PARTITION.test(partition.name)) throw new Error(`Not a telemetry month partition: ${partition.name}`);
  const p = sql`${sql.identifier(partition.name)}`;
  await tx.execute(sql`lock table ${p} in share mode`);
  await tx.execute(sql`drop table if exists telemetry_trim_keep`);
  await tx.execute(sql`create temp table telemetry_trim_keep on commit drop as select e.* from ${p} e where ${keptCondition(p)}`);
  const [c] = await rows<{ total: number; kept: number }>(
    tx,
    sql`select (select count(*) from ${p})::int as total, (select count(*) from telemetry_trim_keep)::int as kept`,
  );
  const total = Number(c.total);
  const kept = Number(c.kept);
  if (kept === total) return { partition: partition.name, kept, dropped: 0, action: kept === 0 ? "dropped" : "unchanged" };
  await tx.execute(
    sql`delete from telemetry_event_ids d using ${p} e
        where d.event_id = e.event_id and not exists (select 1 from telemetry_trim_keep k where k.id = e.id)`,
  );
  await tx.execute(sql`truncate ${p}`);
  if (kept > 0) {
    await tx.execute(sql`alter table ${p} disable trigger user`);
    await tx.execute(sql`insert into ${p} select * from telemetry_trim_keep`);
    await tx.execute(sql`alter table ${p} enable trigger user`);
  }
  return { partition: partition.name, kept, dropped: total - kept, action: kept === 0 ? "dropped" : "trimmed" };
}

/**
 * Removes a month partition if it is empty (after trimPartition left nothing), checked under
 * telemetry_events' own lock (taken first, as an insert takes it), so no late event is lost. Returns
 * whether it was removed. Run in a transaction of its own.
 */
export async function dropEmptyPartition({ partition, tx }: { partition: TelemetryPartition; tx: Tx }): Promise<boolean> {
  if (!PARTITION.test(partition.name)) throw new Error(`Not a telemetry month partition: ${partition.name}`);
  const p = sql`${sql.identifier(partition.name)}`;
  await tx.execute(sql`lock table only telemetry_events in access exclusive mode`);
  const [r] = await rows<{ empty: boolean }>(tx, sql`select not exists (select 1 from ${p}) as empty`);
  if (!r.empty) return false;
  await tx.execute(sql`drop table ${p}`);
  return true;
}

/**
 * Deletes from the default partition the rows older than `before` that no reader needs (rows of
 * months without a partition: late or back-dated events), with their ids. Returns how many.
 */
export async function trimDefaultPartition({ before, tx = db }: { before: Date; tx?: Tx }): Promise<number> {
  const d = sql`telemetry_events_default`;
  const [r] = await rows<{ n: number }>(
    tx,
    sql`with gone as (delete from ${d} e where e.occurred_at < ${before.toISOString()}::timestamptz and not (${keptCondition(d)}) returning e.event_id),
        ids as (delete from telemetry_event_ids where event_id in (select event_id from gone))
        select count(*)::int as n from gone`,
  );
  return Number(r?.n ?? 0);
}

/** Rows per partition (exact counts: for tests and the job's report on small tables, not for dashboards). */
export async function partitionRowCounts({ tx = db }: { tx?: Tx } = {}): Promise<Record<string, number>> {
  const found = await rows<{ name: string; n: number }>(tx, sql`select tableoid::regclass::text as name, count(*)::int as n from telemetry_events group by 1`);
  return Object.fromEntries(found.map((r) => [r.name, Number(r.n)]));
}
