import { route } from "@/lib/api/handler";
import * as jobs from "@/lib/api/contracts/jobs";
import { jobsOverview } from "@/lib/jobs/overview";

export const GET = route(jobs.overview, () => jobsOverview());
