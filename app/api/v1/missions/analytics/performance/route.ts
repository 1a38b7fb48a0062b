import { route } from "@/lib/api/handler";
import { analyticsFilterSchema, scopeFor } from "@/lib/analytics/api";
import { missionPerformance } from "@/lib/analytics/performance";

export const GET = route({ permission: "analytics:read", query: analyticsFilterSchema }, async ({ caller, query }) =>
  missionPerformance(await scopeFor(caller, query)),
);
