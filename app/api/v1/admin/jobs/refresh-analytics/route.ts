import { jobRoute } from "@/lib/api/job";
import { refreshRollups } from "@/lib/analytics/rollup";

/**
 * Brings the analytics rollup up to date now (every changed mission), so dashboard reads rarely pay
 * for it and the table of change marks stays small. For a scheduler (x-cron-secret) or an admin.
 */
export const POST = jobRoute(async () => ({ missions_recomputed: await refreshRollups(undefined, { maxLagSeconds: 0 }) }));
