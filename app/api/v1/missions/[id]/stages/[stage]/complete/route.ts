import { route } from "@/lib/api/handler";
import { completeStage } from "@/lib/attempts/play";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.completeStage, async ({ caller, params, body }) =>
  completeStage({ caller, idOrCode: params.id, stage: params.stage, input: body }),
);
