import { route } from "@/lib/api/handler";
import { libraryQuerySchema } from "@/lib/recipes/schemas";
import { searchRecipes } from "@/lib/db/queries/recipes";
import { toRecipeCard } from "@/lib/recipes/serialize";

export const GET = route({ permission: "recipes:read", query: libraryQuerySchema }, async ({ caller, query }) => {
  const r = await searchRecipes({ caller, query });
  return { items: r.items.map(toRecipeCard), total: r.total, page: r.page, page_size: r.pageSize, pages: r.pages };
});
