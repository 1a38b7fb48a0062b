import { route } from "@/lib/api/handler";
import * as missions from "@/lib/api/contracts/missions";
import { missionDetail } from "@/lib/catalogue/detail";

export const GET = route(missions.detail, async ({ caller, params }) => missionDetail({ caller, idOrCode: params.id }));
