import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/analytics/api";
import * as analytics from "@/lib/api/contracts/analytics";
import { heatmap } from "@/lib/analytics/heatmap";

export const GET = route(analytics.heatmap, async ({ caller, query }) => heatmap(await scopeFor(caller, query)));
