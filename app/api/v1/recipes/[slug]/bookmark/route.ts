import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { setBookmark } from "@/lib/recipes/bookmarks";

export const PUT = route(recipes.bookmark, async ({ caller, params }) => setBookmark({ caller, slug: params.slug, on: true }));
export const DELETE = route(recipes.unbookmark, async ({ caller, params }) => setBookmark({ caller, slug: params.slug, on: false }));
