import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { unlockHint } from "@/lib/db/queries/progress";

export const POST = route(attempts.unlockHint, async ({ caller, params, body }) =>
  unlockHint({ caller, idOrCode: params.id, stage: params.stage, level: body.level }),
);
