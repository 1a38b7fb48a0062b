import { route } from "@/lib/api/handler";
import { slugParams } from "@/lib/recipes/schemas";
import { recipeDetail } from "@/lib/recipes/library";
import { toRecipeDetail } from "@/lib/recipes/serialize";

export const GET = route({ permission: "recipes:read", params: slugParams }, async ({ caller, params }) =>
  toRecipeDetail(await recipeDetail({ caller, slug: params.slug })),
);
