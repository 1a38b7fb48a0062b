import { route } from "@/lib/api/handler";
import { stageParams } from "@/lib/api/docs/missions";
import { stageHints } from "@/lib/attempts/read";

export const GET = route({ permission: "missions:play", params: stageParams }, async ({ caller, params }) => stageHints({ caller, idOrCode: params.id, stage: params.stage }));
