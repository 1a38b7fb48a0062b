import { route } from "@/lib/api/handler";
import { benchmarksQuerySchema } from "@/lib/analytics/api";
import { benchmarks } from "@/lib/analytics/benchmarks";

// Learners may read their own benchmarks (completion screen); others only learners they may see (404 otherwise).
export const GET = route({ permission: "profile:read", query: benchmarksQuerySchema }, async ({ caller, query }) =>
  benchmarks({ caller, mission: query.mission, learnerId: query.learner }),
);
