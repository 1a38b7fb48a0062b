import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/analytics/api";
import * as analytics from "@/lib/api/contracts/analytics";
import { missionPerformance } from "@/lib/analytics/performance";

export const GET = route(analytics.performance, async ({ caller, query }) =>
  missionPerformance(await scopeFor(caller, query)),
);
