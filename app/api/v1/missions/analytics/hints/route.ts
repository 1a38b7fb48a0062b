import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/analytics/api";
import { hintEffectiveness } from "@/lib/analytics/learning";
import * as learning from "@/lib/api/contracts/learning";

export const GET = route(learning.hints, async ({ caller, query }) => hintEffectiveness(await scopeFor(caller, query)));
