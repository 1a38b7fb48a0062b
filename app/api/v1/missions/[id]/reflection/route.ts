import { route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { saveReflection } from "@/lib/db/queries/progress";

export const PUT = route(attempts.saveReflection, async ({ caller, params, body }) =>
  saveReflection({ caller, idOrCode: params.id, reflection: body.reflection }),
);
