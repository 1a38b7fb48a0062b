import { route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { missionDetail } from "@/lib/db/queries/catalogue";

export const GET = route({ permission: "catalogue:read", params: missionParams }, async ({ caller, params }) => missionDetail({ caller, idOrCode: params.id }));
