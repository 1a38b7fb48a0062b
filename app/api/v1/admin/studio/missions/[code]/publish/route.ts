import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { publishMission } from "@/lib/studio/missions";

export const POST = route(studio.publishMission, async ({ caller, params, body }) =>
  publishMission({ caller, code: params.code, rescore: body.rescore, draftVersion: body.draft_version }),
);
