import { route } from "@/lib/api/handler";
import { slugParams } from "@/lib/recipes/schemas";
import { setBookmark } from "@/lib/recipes/bookmarks";

export const PUT = route({ permission: "recipes:track", params: slugParams }, async ({ caller, params }) => setBookmark({ caller, slug: params.slug, on: true }));
export const DELETE = route({ permission: "recipes:track", params: slugParams }, async ({ caller, params }) => setBookmark({ caller, slug: params.slug, on: false }));
