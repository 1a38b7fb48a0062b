import { json, route } from "@/lib/api/handler";
import { missionParams } from "@/lib/api/docs/missions";
import { startMission } from "@/lib/attempts/start";

export const POST = route({ permission: "missions:play", params: missionParams }, async ({ caller, params }) => {
  const { created, progress } = await startMission({ caller, idOrCode: params.id });
  return json(progress, created ? 201 : 200);
});
