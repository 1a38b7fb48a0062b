import { route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { getProgress } from "@/lib/attempts/read";

export const GET = route({ permission: "missions:play", params: missionParams }, async ({ caller, params }) => getProgress({ caller, idOrCode: params.id }));
