import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  dropEmptyPartition,
  ensureTelemetryPartitions,
  monthsInDefaultPartition,
  telemetryPartitions,
  trimDefaultPartition,
  trimPartition,
  type TrimResult,
} from "@/lib/db/queries/telemetry-partitions";
import { RAW_EVENT_READERS } from "@/lib/db/queries/telemetry-readers";

const DAY_MS = 86_400_000;
/** Months made ahead of time, after the current one: ingest never has to wait for a partition. */
export const MONTHS_AHEAD = 2;
/** Without a retention window, months waiting in the default partition get a partition back to this far. */
const BACKFILL_MONTHS = 24;
/** A partition operation waits this long for telemetry_events' lock, then gives up until the next run. */
const LOCK_TIMEOUT = "10s";

function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

export interface RetentionReport extends Record<string, unknown> {
  retention_days: number | null;
  /** Events older than this may be dropped (null: kept forever). */
  cutoff: string | null;
  partitions_made: string[];
  partitions: TrimResult[];
  default_partition_deleted: number;
  policy: string;
}

/**
 * The daily `retention` job. 1. Makes the month partitions of telemetry_events ahead (this month and
 * MONTHS_AHEAD more), and the partition of any month whose rows wait in the default partition (late
 * or back-dated events) inside the window. 2. With SORTIE_EVENTS_RETENTION_DAYS set, every month
 * partition that ends before now − days is trimmed to the rows a reader still needs
 * (RAW_EVENT_READERS): dropped whole when none, else emptied and refilled with those rows; rows of the
 * default partition older than the cutoff go the same way. Safe to run again (a second run finds
 * nothing to do); each partition is its own transaction.
 */
export async function runRetention({ now = new Date(), days = env().SORTIE_EVENTS_RETENTION_DAYS }: { now?: Date; days?: number } = {}): Promise<RetentionReport> {
  const cutoff = days ? new Date(now.getTime() - days * DAY_MS) : null;
  const made: string[] = [];
  const locked = <T,>(fn: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`));
      return fn(tx);
    });

  made.push(...(await locked((tx) => ensureTelemetryPartitions({ from: now, to: addMonths(now, MONTHS_AHEAD), tx }))));
  const earliest = cutoff ? addMonths(cutoff, 0) : addMonths(now, -BACKFILL_MONTHS);
  for (const month of await monthsInDefaultPartition()) {
    if (month < earliest || month > addMonths(now, MONTHS_AHEAD)) continue;
    made.push(...(await locked((tx) => ensureTelemetryPartitions({ from: month, to: month, tx }))));
  }

  const trimmed: TrimResult[] = [];
  let deletedDefault = 0;
  if (cutoff) {
    for (const partition of await telemetryPartitions()) {
      if (partition.to > cutoff) continue;
      const t = await locked((tx) => trimPartition({ partition, tx }));
      if (t.action === "dropped") await locked((tx) => dropEmptyPartition({ partition, tx }));
      trimmed.push(t);
    }
    deletedDefault = await locked((tx) => trimDefaultPartition({ before: cutoff, tx }));
  }
  return {
    retention_days: days ?? null,
    cutoff: cutoff?.toISOString() ?? null,
    partitions_made: made,
    partitions: trimmed.filter((t) => t.action !== "unchanged" && !(t.action === "dropped" && t.dropped === 0)),
    default_partition_deleted: deletedDefault,
    policy: cutoff
      ? `months ending before ${cutoff.toISOString().slice(0, 10)} keep only: ${RAW_EVENT_READERS.filter((r) => !/^nothing/.test(r.needs)).map((r) => r.needs).join("; ")}`
      : "SORTIE_EVENTS_RETENTION_DAYS unset: raw telemetry is kept forever",
  };
}
