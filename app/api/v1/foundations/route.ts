import { route } from "@/lib/api/handler";
import * as foundations from "@/lib/api/contracts/foundations";
import { foundationsFor } from "@/lib/db/queries/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";

export const GET = route(foundations.list, async ({ caller }) => toFoundations(await foundationsFor({ userId: caller.id })));
