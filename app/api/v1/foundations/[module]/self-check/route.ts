import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { checkModule } from "@/lib/foundations/progress";

export const POST = route(foundations.selfCheck, async ({ caller, params, body }) => checkModule({ caller, module: params.module, answers: body.answers }));
