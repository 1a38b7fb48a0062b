import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { contentFromBody, readDraft, saveDraft } from "@/lib/studio/drafts";

export const GET = route(studio.getRecipe, async ({ caller, params }) => readDraft({ caller, kind: "recipe", ref: params.slug }));

export const PUT = route(studio.saveRecipe, async ({ caller, params, body }) =>
  saveDraft({ caller, kind: "recipe", ref: params.slug, draftVersion: body.draft_version, content: contentFromBody("recipe", body, ["draft_version"]) }),
);
