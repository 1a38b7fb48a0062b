import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { findRecipe, findRecipeDetail, relatedCandidates, type RecipeDetail } from "@/lib/db/queries/recipes";
import { relatedRecipes, type RelatedCandidate } from "./related";

// Reading one recipe (SPEC §4 GET /recipes/{slug}, /related). A recipe the caller may not see (a
// draft, for a non-admin) is "not found", like one that does not exist.

/** A recipe row the caller may see, or a 404. */
export async function requireRecipe({ caller, slug, tx = db }: { caller: Caller; slug: string; tx?: Tx }) {
  const r = await findRecipe({ caller, slug, tx });
  if (!r) throw errors.notFound("Recipe");
  return r;
}

/** Everything the detail page and `GET /recipes/{slug}` show, with the caller's own state. */
export async function recipeDetail({ caller, slug }: { caller: Caller; slug: string }): Promise<RecipeDetail> {
  const d = await findRecipeDetail({ caller, slug });
  if (!d) throw errors.notFound("Recipe");
  return d;
}

/** Related recipes of a visible recipe, ranked by lib/recipes/related.ts. */
export async function relatedForRecipe({ caller, slug, limit = 6 }: { caller: Caller; slug: string; limit?: number }) {
  const target = await requireRecipe({ caller, slug });
  const candidates = await relatedCandidates();
  const asCandidate = (r: typeof target): RelatedCandidate => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    difficulty: r.difficulty,
    estimatedMinutes: r.estimatedMinutes,
    skills: r.skills,
    tools: r.tools,
    prerequisites: r.prerequisites,
    related: r.related,
  });
  return relatedRecipes(asCandidate(target), candidates, limit);
}
