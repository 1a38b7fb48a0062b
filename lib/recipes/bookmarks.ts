import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { addBookmark, removeBookmark } from "@/lib/db/queries/recipe-progress";
import { requireRecipe } from "./library";

/** Bookmarks a recipe the caller may see, or removes the bookmark (both idempotent). */
export async function setBookmark({ caller, slug, on }: { caller: Caller; slug: string; on: boolean }) {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    if (on) await addBookmark({ userId: caller.id, recipeId: r.id, tx });
    else await removeBookmark({ userId: caller.id, recipeId: r.id, tx });
    return { bookmarked: on };
  });
}
