import { route } from "@/lib/api/handler";
import { getTimeline } from "@/lib/attempts/read";
import * as learning from "@/lib/api/contracts/learning";

export const GET = route(learning.timeline, async ({ caller, params }) => getTimeline({ caller, idOrCode: params.id }));
