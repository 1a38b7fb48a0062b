import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { relatedForRecipe } from "@/lib/recipes/library";
import { toRelated } from "@/lib/recipes/serialize";

export const GET = route(recipes.related, async ({ caller, params }) => ({
  items: (await relatedForRecipe({ caller, slug: params.slug })).map(toRelated),
}));
