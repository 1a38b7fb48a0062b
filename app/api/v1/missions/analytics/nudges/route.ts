import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/analytics/api";
import { nudgeAnalytics } from "@/lib/analytics/learning";
import * as learning from "@/lib/api/contracts/learning";

export const GET = route(learning.nudges, async ({ caller, query }) => nudgeAnalytics(await scopeFor(caller, query)));
