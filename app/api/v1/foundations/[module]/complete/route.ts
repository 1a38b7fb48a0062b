import { route } from "@/lib/api/handler";
import { moduleParams } from "@/lib/api/docs/missions";
import { completeModule, foundationsFor } from "@/lib/db/queries/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";

export const POST = route({ permission: "foundations:complete", params: moduleParams }, async ({ caller, params }) => {
  await completeModule({ userId: caller.id, module: params.module });
  return toFoundations(await foundationsFor({ userId: caller.id }));
});
