import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { completeModule, readFoundations } from "@/lib/foundations/progress";

export const POST = route(foundations.completeModule, async ({ caller, params }) => {
  await completeModule({ caller, module: params.module });
  return readFoundations({ caller });
});
