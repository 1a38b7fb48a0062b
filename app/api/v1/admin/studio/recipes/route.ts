import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { contentFromBody, createDraft } from "@/lib/studio/drafts";
import { listRecipes } from "@/lib/studio/recipes";

export const GET = route(studio.listRecipes, async ({ caller, query }) => listRecipes({ caller, q: query.q, status: query.status }));

export const POST = route(studio.createRecipe, async ({ caller, body }) =>
  createDraft({ caller, kind: "recipe", ref: String(body.slug), copyFrom: body.copy_from, content: contentFromBody("recipe", body, ["slug", "copy_from"]) }),
);
