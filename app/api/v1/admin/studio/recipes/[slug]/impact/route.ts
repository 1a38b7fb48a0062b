import { route } from "@/lib/api/handler";
import * as studio from "@/lib/api/contracts/studio";
import { recipeImpact } from "@/lib/studio/recipes";

export const GET = route(studio.recipeImpact, async ({ caller, params }) => recipeImpact({ caller, slug: params.slug }));
