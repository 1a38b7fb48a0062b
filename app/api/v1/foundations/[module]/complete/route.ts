import { route } from "@/lib/api/handler";
import { moduleParams } from "@/lib/api/docs/missions";
import { foundationsFor } from "@/lib/db/queries/foundations";
import { completeModule } from "@/lib/foundations/progress";
import { toFoundations } from "@/lib/missions/foundations-json";

export const POST = route({ permission: "foundations:complete", params: moduleParams }, async ({ caller, params }) => {
  await completeModule({ caller, module: params.module });
  return toFoundations(await foundationsFor({ userId: caller.id }));
});
