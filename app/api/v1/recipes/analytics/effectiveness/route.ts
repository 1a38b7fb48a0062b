import { route } from "@/lib/api/handler";
import { recipeEffectiveness } from "@/lib/analytics/recipes";
import * as recipes from "@/lib/api/contracts/recipes";
import { METHOD } from "@/lib/recipes/effectiveness";
import { toEffectiveness } from "@/lib/recipes/serialize";

// Admins: every attempt; mentors: only their own learners' attempts; other roles 403 (permission map).
export const GET = route(recipes.effectiveness, async ({ caller, query }) => {
  const found = await recipeEffectiveness({ caller, mission: query.mission, recipeSlug: query.recipe, range: { from: query.from, to: query.to } });
  return { method: METHOD, scope: caller.role === "admin" ? "all" : "mentor_learners", items: found.map(toEffectiveness) };
});
