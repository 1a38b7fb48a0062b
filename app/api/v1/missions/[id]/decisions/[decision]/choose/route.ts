import { route } from "@/lib/api/handler";
import { chooseDecision } from "@/lib/attempts/play";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.choose, async ({ caller, params, body }) =>
  chooseDecision({ caller, idOrCode: params.id, decision: params.decision, choiceId: body.choice_id }),
);
