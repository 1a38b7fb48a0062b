import { jobRoute } from "@/lib/api/job";
import * as jobs from "@/lib/api/contracts/jobs";
import { sweepDeadlines } from "@/lib/db/queries/progress";

/** The deadline sweep, for a scheduler (x-cron-secret) or an admin. */
export const POST = jobRoute(jobs.sweepDeadlines, () => sweepDeadlines());
