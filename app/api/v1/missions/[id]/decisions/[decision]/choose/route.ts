import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { chooseDecision } from "@/lib/db/queries/progress";

export const POST = route(attempts.choose, async ({ caller, params, body }) =>
  chooseDecision({ caller, idOrCode: params.id, decision: params.decision, choiceId: body.choice_id }),
);
