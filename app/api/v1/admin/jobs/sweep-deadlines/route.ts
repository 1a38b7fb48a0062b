import { jobRoute } from "@/lib/api/job";
import { sweepDeadlines } from "@/lib/attempts/deadline";

/** The deadline sweep, for a scheduler (x-cron-secret) or an admin. */
export const POST = jobRoute(() => sweepDeadlines());
