import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { previewMission } from "@/lib/studio/preview";

export const POST = route(studio.previewMission, async ({ caller, params, body }) => previewMission({ caller, code: params.code, reset: body.reset, action: body.action }));
