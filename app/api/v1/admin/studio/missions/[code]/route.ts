import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { contentFromBody, readDraft, saveDraft } from "@/lib/studio/drafts";

export const GET = route(studio.getMission, async ({ caller, params }) => readDraft({ caller, kind: "mission", ref: params.code }));

export const PUT = route(studio.saveMission, async ({ caller, params, body }) =>
  saveDraft({ caller, kind: "mission", ref: params.code, draftVersion: body.draft_version, content: contentFromBody("mission", body, ["draft_version"]) }),
);
