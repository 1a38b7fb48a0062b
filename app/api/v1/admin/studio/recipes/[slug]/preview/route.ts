import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { previewRecipe } from "@/lib/studio/preview";

export const POST = route(studio.previewRecipe, async ({ caller, params, body }) => previewRecipe({ caller, slug: params.slug, reset: body.reset, completeStep: body.complete_step }));
