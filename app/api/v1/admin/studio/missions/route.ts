import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { contentFromBody, createDraft } from "@/lib/studio/drafts";
import { listMissions } from "@/lib/studio/missions";

export const GET = route(studio.listMissions, async ({ caller, query }) => listMissions({ caller, q: query.q, status: query.status }));

export const POST = route(studio.createMission, async ({ caller, body }) =>
  createDraft({ caller, kind: "mission", ref: String(body.code), copyFrom: body.copy_from, content: contentFromBody("mission", body, ["code", "copy_from"]) }),
);
