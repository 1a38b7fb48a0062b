import "server-only";
import { db } from "@/lib/db";
import { preparePresetRanges, refreshRollups } from "./rollup";

/**
 * Analytics maintenance, run as the `analytics-maintenance` background job (lib/jobs): brings the
 * rollup up to date and prepares the preset date ranges. Dashboard reads still refresh whatever
 * changed since the last run, so figures stay exact; what this saves is the reader paying for a
 * burst of changes (every mission after heavy ingest: ~25 s at 100k attempts). Across instances the
 * refresh's advisory lock serialises runs; the job queue already runs one per cluster.
 */
export async function maintainAnalytics(): Promise<{ missions_recomputed: number; ranges_prepared: number }> {
  const missions = await refreshRollups(db, { maxLagSeconds: 0 });
  return { missions_recomputed: missions, ranges_prepared: await preparePresetRanges(db) };
}
