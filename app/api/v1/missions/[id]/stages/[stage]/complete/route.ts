import { route } from "@/lib/api/handler";
import { completeStageBody, stageParams } from "@/lib/api/docs/missions";
import { completeStage } from "@/lib/attempts/play";

export const POST = route({ permission: "missions:play", params: stageParams, body: completeStageBody }, async ({ caller, params, body }) =>
  completeStage({ caller, idOrCode: params.id, stage: params.stage, input: body }),
);
