import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { validateMission } from "@/lib/studio/missions";

export const POST = route(studio.validateMission, async ({ caller, params }) => validateMission({ caller, code: params.code }));
