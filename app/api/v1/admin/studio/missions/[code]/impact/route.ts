import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { missionImpact } from "@/lib/studio/missions";

export const GET = route(studio.missionImpact, async ({ caller, params }) => missionImpact({ caller, code: params.code }));
