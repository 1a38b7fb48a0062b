"use server";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { slugParams } from "@/lib/api/contracts/recipes";
import { recipeDetail } from "@/lib/recipes/library";
import { Markdown } from "@/components/ui/markdown";

// The stage player's recipe drawer asks for a recipe with its step bodies already rendered (they
// are markdown, rendered on the server), instead of GET /api/v1/recipes/{slug} and a markdown parser
// in the browser. Only server-rendered nodes go back: the drawer's own client components (the copy
// button) are the page's, so the answer refers to no client module the page does not have.
export const openRecipeAction = action({ permission: "recipes:read", schema: z.object({ slug: slugParams.shape.slug }) }, async ({ slug }, caller) => {
  const d = await recipeDetail({ caller, slug });
  const recipe: DrawerRecipe = {
    title: d.recipe.title,
    summary: d.recipe.summary,
    steps: d.steps.map((s) => ({
      step: s.step,
      title: s.title,
      body: <Markdown className="prose-sortie text-sm">{s.body}</Markdown>,
      command: s.command,
      expected: s.expectedOutcome,
      evidence: s.evidenceHint,
    })),
    checks: d.recipe.validationChecks,
  };
  return { ok: true, data: { recipe } };
});

export interface DrawerRecipe {
  title: string;
  summary: string;
  steps: { step: number; title: string; body: React.ReactNode; command: string | null; expected: string; evidence: string | null }[];
  checks: string[];
}
