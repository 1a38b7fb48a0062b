import { route } from "@/lib/api/handler";
import { slugParams } from "@/lib/recipes/schemas";
import { relatedForRecipe } from "@/lib/recipes/library";
import { toRelated } from "@/lib/recipes/serialize";

export const GET = route({ permission: "recipes:read", params: slugParams }, async ({ caller, params }) => ({
  items: (await relatedForRecipe({ caller, slug: params.slug })).map(toRelated),
}));
