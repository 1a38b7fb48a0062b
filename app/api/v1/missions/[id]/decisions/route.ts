import { route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { listDecisions } from "@/lib/attempts/read";

export const GET = route({ permission: "missions:play", params: missionParams }, async ({ caller, params }) => listDecisions({ caller, idOrCode: params.id }));
