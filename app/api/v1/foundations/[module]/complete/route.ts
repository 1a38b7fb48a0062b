import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { completeModule, foundationsFor } from "@/lib/db/queries/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";

export const POST = route(foundations.completeModule, async ({ caller, params }) => {
  await completeModule({ userId: caller.id, module: params.module });
  return toFoundations(await foundationsFor({ userId: caller.id }));
});
