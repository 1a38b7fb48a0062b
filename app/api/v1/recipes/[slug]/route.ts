import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { recipeDetail } from "@/lib/recipes/library";
import { toRecipeDetail } from "@/lib/recipes/serialize";

export const GET = route(recipes.detail, async ({ caller, params }) =>
  toRecipeDetail(await recipeDetail({ caller, slug: params.slug })),
);
