import { route } from "@/lib/api/handler";
import { effectivenessQuerySchema } from "@/lib/recipes/schemas";
import { recipeEffectiveness } from "@/lib/analytics/recipes";
import { METHOD } from "@/lib/recipes/effectiveness";
import { toEffectiveness } from "@/lib/recipes/serialize";

// Admins: every attempt; mentors: only their own learners' attempts; other roles 403 (permission map).
export const GET = route({ permission: "recipes:analytics", query: effectivenessQuerySchema }, async ({ caller, query }) => {
  const found = await recipeEffectiveness({ caller, mission: query.mission, recipeSlug: query.recipe, range: { from: query.from, to: query.to } });
  return { method: METHOD, scope: caller.role === "admin" ? "all" : "mentor_learners", items: found.map(toEffectiveness) };
});
