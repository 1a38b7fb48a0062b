import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { completeStage } from "@/lib/db/queries/progress";

export const POST = route(attempts.completeStage, async ({ caller, params, body }) =>
  completeStage({ caller, idOrCode: params.id, stage: params.stage, input: body }),
);
