import { route } from "@/lib/api/handler";
import { saveReflection } from "@/lib/attempts/play";
import * as attempts from "@/lib/api/contracts/attempts";

export const PUT = route(attempts.saveReflection, async ({ caller, params, body }) =>
  saveReflection({ caller, idOrCode: params.id, reflection: body.reflection }),
);
