import { route } from "@/lib/api/handler";
import { chooseBody, decisionParams } from "@/lib/api/docs/missions";
import { chooseDecision } from "@/lib/attempts/play";

export const POST = route({ permission: "missions:play", params: decisionParams, body: chooseBody }, async ({ caller, params, body }) =>
  chooseDecision({ caller, idOrCode: params.id, decision: params.decision, choiceId: body.choice_id }),
);
