import { route } from "@/lib/api/handler";
import { missionParams, toolBody } from "@/lib/api/docs/missions";
import { recordTool } from "@/lib/attempts/play";

export const POST = route({ permission: "missions:play", params: missionParams, body: toolBody }, async ({ caller, params, body }) =>
  recordTool({ caller, idOrCode: params.id, stage: body.stage, tool: body.tool }),
);
