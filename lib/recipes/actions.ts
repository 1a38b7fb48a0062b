"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/api/action";
import { setBookmark } from "./bookmarks";
import { recordRecipeProgress } from "./progress";
import { rateRecipe } from "./ratings";
import { slugParams } from "@/lib/api/contracts/recipes";

// Server actions behind the recipe detail page's buttons (the same use cases as the /api/v1 routes).

const slug = slugParams.shape.slug;

export const checkStepAction = action(
  { permission: "recipes:track", schema: z.object({ slug, step: z.coerce.number().int().min(1).max(100) }) },
  async ({ slug, step }, caller) => {
    const r = await recordRecipeProgress({ caller, slug, input: { event: "step_completed", step } });
    revalidatePath(`/recipes/${slug}`);
    return { ok: true, message: r.justCompleted ? "Recipe completed. You can rate it now." : `Step ${step} done.` };
  },
);

export const completeRecipeAction = action({ permission: "recipes:track", schema: z.object({ slug }) }, async ({ slug }, caller) => {
  await recordRecipeProgress({ caller, slug, input: { event: "completed" } });
  revalidatePath(`/recipes/${slug}`);
  return { ok: true, message: "Recipe completed. You can rate it now." };
});

export const bookmarkAction = action(
  { permission: "recipes:track", schema: z.object({ slug, on: z.enum(["1", "0"]).transform((v) => v === "1") }) },
  async ({ slug, on }, caller) => {
    await setBookmark({ caller, slug, on });
    revalidatePath(`/recipes/${slug}`);
    revalidatePath("/recipes");
    return { ok: true, message: on ? "Bookmarked." : "Bookmark removed." };
  },
);

export const rateAction = action(
  { permission: "recipes:track", schema: z.object({ slug, rating: z.coerce.number({ error: "Choose a rating" }).int().min(1, "Choose 1 to 5 stars").max(5, "Choose 1 to 5 stars") }) },
  async ({ slug, rating }, caller) => {
    await rateRecipe({ caller, slug, rating });
    revalidatePath(`/recipes/${slug}`);
    return { ok: true, message: `Thanks: you rated it ${rating} out of 5.` };
  },
);
