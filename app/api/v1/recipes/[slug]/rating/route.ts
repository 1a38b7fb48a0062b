import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { rateRecipe } from "@/lib/recipes/ratings";

export const PUT = route(recipes.rate, async ({ caller, params, body }) => {
  const r = await rateRecipe({ caller, slug: params.slug, rating: body.rating });
  return { rating: r.rating, rating_average: r.average === null ? null : Math.round(r.average * 100) / 100, rating_count: r.count };
});
