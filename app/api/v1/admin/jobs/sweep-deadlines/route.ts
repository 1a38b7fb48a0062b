import { jobRoute } from "@/lib/api/job";
import { sweepOpenAttempts } from "@/lib/attempts/abandon";
import * as jobs from "@/lib/api/contracts/jobs";

/** The deadline sweep (and the idle attempts it records as abandoned), for a scheduler (x-cron-secret) or an admin. */
export const POST = jobRoute(jobs.sweepDeadlines, () => sweepOpenAttempts());
