import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { validateRecipe } from "@/lib/studio/recipes";

export const POST = route(studio.validateRecipe, async ({ caller, params }) => validateRecipe({ caller, slug: params.slug }));
