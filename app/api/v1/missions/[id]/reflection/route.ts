import { route } from "@/lib/api/handler";
import { missionParams, reflectionBody } from "@/lib/api/docs/missions";
import { saveReflection } from "@/lib/attempts/play";

export const PUT = route({ permission: "missions:play", params: missionParams, body: reflectionBody }, async ({ caller, params, body }) =>
  saveReflection({ caller, idOrCode: params.id, reflection: body.reflection }),
);
