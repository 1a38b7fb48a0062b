import { route } from "@/lib/api/handler";
import { unlockHint } from "@/lib/attempts/play";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.unlockHint, async ({ caller, params, body }) =>
  unlockHint({ caller, idOrCode: params.id, stage: params.stage, level: body.level }),
);
