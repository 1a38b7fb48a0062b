import { route } from "@/lib/api/handler";
import { stageParams, unlockBody } from "@/lib/api/docs/missions";
import { unlockHint } from "@/lib/attempts/play";

export const POST = route({ permission: "missions:play", params: stageParams, body: unlockBody }, async ({ caller, params, body }) =>
  unlockHint({ caller, idOrCode: params.id, stage: params.stage, level: body.level }),
);
