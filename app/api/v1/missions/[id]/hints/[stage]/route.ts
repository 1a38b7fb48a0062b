import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { stageHints } from "@/lib/db/queries/progress";

export const GET = route(attempts.hints, async ({ caller, params }) => stageHints({ caller, idOrCode: params.id, stage: params.stage }));
