import { route } from "@/lib/api/handler";
import { recordTool } from "@/lib/attempts/play";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.recordTool, async ({ caller, params, body }) =>
  recordTool({ caller, idOrCode: params.id, stage: body.stage, tool: body.tool }),
);
