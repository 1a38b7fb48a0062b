import { jobRoute } from "@/lib/api/job";
import { sweepDeadlines } from "@/lib/attempts/deadline";
import * as jobs from "@/lib/api/contracts/jobs";

/** The deadline sweep, for a scheduler (x-cron-secret) or an admin. */
export const POST = jobRoute(jobs.sweepDeadlines, () => sweepDeadlines());
