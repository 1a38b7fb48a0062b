import { route } from "@/lib/api/handler";
import { analyticsFilterSchema, scopeFor } from "@/lib/analytics/api";
import { heatmap } from "@/lib/analytics/heatmap";

export const GET = route({ permission: "analytics:read", query: analyticsFilterSchema }, async ({ caller, query }) => heatmap(await scopeFor(caller, query)));
