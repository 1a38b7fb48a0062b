"use server";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { slugParams } from "@/lib/api/contracts/recipes";
import { recipeDetail } from "@/lib/recipes/library";
import { RecipeSteps } from "@/components/recipes/recipe-steps";

// The stage player's recipe drawer asks for a recipe already rendered (its steps are markdown,
// rendered on the server), instead of GET /api/v1/recipes/{slug} and a markdown parser in the browser.
export const openRecipeAction = action({ permission: "recipes:read", schema: z.object({ slug: slugParams.shape.slug }) }, async ({ slug }, caller) => {
  const d = await recipeDetail({ caller, slug });
  return { ok: true, data: { title: d.recipe.title, body: <RecipeSteps detail={d} /> } };
});
