import { route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { submitMission } from "@/lib/attempts/submit";

export const POST = route({ permission: "missions:play", params: missionParams }, async ({ caller, params }) => submitMission({ caller, idOrCode: params.id }));
