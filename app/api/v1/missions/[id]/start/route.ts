import { json, route } from "@/lib/api/handler";
import { startMission } from "@/lib/attempts/start";
import * as attempts from "@/lib/api/contracts/attempts";

export const POST = route(attempts.start, async ({ caller, params }) => {
  const { created, progress } = await startMission({ caller, idOrCode: params.id });
  return json(progress, created ? 201 : 200);
});
