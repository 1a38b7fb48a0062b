import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";
import { foundationsFor } from "@/lib/db/queries/foundations";
import { completeModule } from "@/lib/foundations/progress";

export const POST = route(foundations.completeModule, async ({ caller, params }) => {
  await completeModule({ caller, module: params.module });
  return toFoundations(await foundationsFor({ userId: caller.id }));
});
