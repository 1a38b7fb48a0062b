import { jobRoute } from "@/lib/api/job";
import * as jobs from "@/lib/api/contracts/jobs";
import { preparePresetRanges, refreshRollups } from "@/lib/analytics/rollup";

/**
 * Brings the analytics rollup up to date now (every changed mission), so dashboard reads rarely pay
 * for it and the table of change marks stays small, and prepares today's preset date ranges
 * ("Last 7/30/90 days"). For a scheduler (x-cron-secret) or an admin.
 */
export const POST = jobRoute(jobs.refreshAnalytics, async () => {
  const missions = await refreshRollups(undefined, { maxLagSeconds: 0 });
  return { missions_recomputed: missions, ranges_prepared: await preparePresetRanges() };
});
