import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { recordTool } from "@/lib/db/queries/progress";

export const POST = route(attempts.recordTool, async ({ caller, params, body }) =>
  recordTool({ caller, idOrCode: params.id, stage: body.stage, tool: body.tool }),
);
