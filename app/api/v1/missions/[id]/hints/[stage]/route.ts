import { route } from "@/lib/api/handler";
import { stageHints } from "@/lib/attempts/read";
import * as attempts from "@/lib/api/contracts/attempts";

export const GET = route(attempts.hints, async ({ caller, params }) => stageHints({ caller, idOrCode: params.id, stage: params.stage }));
