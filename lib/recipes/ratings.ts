import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { recipeProgressOf, recipeRating } from "@/lib/db/queries/recipes";
import { upsertRecipeRating } from "@/lib/db/queries/recipe-progress";
import { requireRecipe } from "./library";

/** Rates a recipe 1–5; refused (422) until the caller has completed it. Rating again replaces it. */
export async function rateRecipe({ caller, slug, rating }: { caller: Caller; slug: string; rating: number }) {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    const p = await recipeProgressOf({ userId: caller.id, recipeId: r.id, tx });
    if (!p.completed) throw errors.rule("Complete the recipe before rating it.", { rating: "you can rate a recipe once you have completed it" });
    await upsertRecipeRating({ userId: caller.id, recipeId: r.id, rating, tx });
    return { rating, ...(await recipeRating({ recipeId: r.id, tx })) };
  });
}
