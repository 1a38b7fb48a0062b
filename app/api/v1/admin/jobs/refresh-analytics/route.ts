import { jobRoute } from "@/lib/api/job";
import * as jobs from "@/lib/api/contracts/jobs";
import { maintainAnalytics } from "@/lib/analytics/refresher";

/**
 * Applies every logged analytics change now (the analytics-maintenance job does it continuously), for
 * a scheduler (x-cron-secret) or an admin.
 */
export const POST = jobRoute(jobs.refreshAnalytics, async () => maintainAnalytics());
