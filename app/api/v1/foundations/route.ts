import { route } from "@/lib/api/handler";
import { foundationsFor } from "@/lib/db/queries/foundations";
import { toFoundations } from "@/lib/missions/foundations-json";

export const GET = route({ permission: "catalogue:read" }, async ({ caller }) => toFoundations(await foundationsFor({ userId: caller.id })));
