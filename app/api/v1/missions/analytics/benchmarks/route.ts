import { route } from "@/lib/api/handler";
import * as analytics from "@/lib/api/contracts/analytics";
import { benchmarks } from "@/lib/analytics/benchmarks";

// Learners may read their own benchmarks (completion screen); others only learners they may see (404 otherwise).
export const GET = route(analytics.benchmarks, async ({ caller, query }) =>
  benchmarks({ caller, mission: query.mission, learnerId: query.learner }),
);
