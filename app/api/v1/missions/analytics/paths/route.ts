import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/analytics/api";
import { pathsSankey } from "@/lib/analytics/learning";
import * as learning from "@/lib/api/contracts/learning";

export const GET = route(learning.paths, async ({ caller, query }) => pathsSankey(await scopeFor(caller, query)));
