import { route } from "@/lib/api/handler";
import * as missions from "@/lib/api/contracts/missions";
import { missionDetail } from "@/lib/db/queries/catalogue";

export const GET = route(missions.detail, async ({ caller, params }) => missionDetail({ caller, idOrCode: params.id }));
