import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { publishRecipe } from "@/lib/studio/recipes";

export const POST = route(studio.publishRecipe, async ({ caller, params, body }) => publishRecipe({ caller, slug: params.slug, draftVersion: body.draft_version }));
