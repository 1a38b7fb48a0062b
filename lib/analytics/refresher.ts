import "server-only";
import { db } from "@/lib/db";
import { applyChanges, vacuumChangeLog } from "./aggregates";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The change consumer, run as the `analytics-maintenance` job (lib/jobs), once per cluster: applies the
 * logged changes (applyChanges) and, when `forSeconds` is given, keeps applying every `pauseSeconds`
 * for that long, so figures follow writes within seconds while the job is scheduled once a minute.
 * Returns what it applied.
 */
export async function maintainAnalytics({ forSeconds = 0, pauseSeconds = 1 } = {}): Promise<{ changes_applied: number; attempts_applied: number }> {
  const until = Date.now() + forSeconds * 1000;
  const total = { changes_applied: 0, attempts_applied: 0 };
  for (;;) {
    // One batch per pass when running for a while, so the deadline (and the job's expiry) holds.
    const r = await applyChanges(db, forSeconds > 0 ? { batches: 1 } : {});
    total.changes_applied += r.changes;
    total.attempts_applied += r.attempts;
    if (Date.now() + pauseSeconds * 1000 >= until) {
      if (total.changes_applied > 0) await vacuumChangeLog();
      return total;
    }
    if (r.changes === 0) await sleep(pauseSeconds * 1000);
  }
}
