import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { recordRecipeProgress } from "@/lib/recipes/progress";
import { toProgressResult } from "@/lib/recipes/serialize";

export const POST = route(recipes.recordProgress, async ({ caller, params, body }) =>
  toProgressResult(await recordRecipeProgress({ caller, slug: params.slug, input: body })),
);
