import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { searchRecipes } from "@/lib/db/queries/recipes";
import { toRecipeCard } from "@/lib/recipes/serialize";

export const GET = route(recipes.library, async ({ caller, query }) => {
  const r = await searchRecipes({ caller, query });
  return { items: r.items.map(toRecipeCard), total: r.total, page: r.page, page_size: r.pageSize, pages: r.pages };
});
