import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { preparePresetRanges, refreshRollups } from "./rollup";
import { logFailure } from "@/lib/log";

/**
 * Refreshes the analytics rollup in the background of the server process every `intervalSeconds`
 * (SORTIE_ROLLUP_REFRESH_SECONDS, default 30; 0 = off), and prepares the preset date ranges. Dashboard
 * reads still refresh whatever changed since the last tick, so figures stay exact; what this saves is
 * the reader paying for a burst of changes (every mission after heavy ingest: ~25 s at 100k attempts).
 * One tick at a time per process; across processes the refresh's advisory lock serialises them.
 */
export function startRollupRefresher(intervalSeconds: number = env().SORTIE_ROLLUP_REFRESH_SECONDS) {
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= (async () => {
      try {
        await refreshRollups(db, { maxLagSeconds: 0 });
        await preparePresetRanges(db);
      } catch (e) {
        // A failed tick (database restarting, say) is retried at the next one; reads refresh anyway.
        logFailure("background rollup refresh", e);
      } finally {
        running = null;
      }
    })());
  if (intervalSeconds <= 0) return { tick, stop: () => {} };
  const timer = setInterval(tick, intervalSeconds * 1000);
  // Never keep the process alive just for this.
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
