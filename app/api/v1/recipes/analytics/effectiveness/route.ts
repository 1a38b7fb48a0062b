import { route } from "@/lib/api/handler";
import { errors } from "@/lib/errors";
import * as recipes from "@/lib/api/contracts/recipes";
import { findMission } from "@/lib/db/queries/missions";
import { effectivenessCounts } from "@/lib/db/queries/recipe-analytics";
import { METHOD } from "@/lib/recipes/effectiveness";
import { toEffectiveness } from "@/lib/recipes/serialize";

// Admins: every attempt; mentors: only their own learners' attempts; other roles 403 (permission map).
export const GET = route(recipes.effectiveness, async ({ caller, query }) => {
  let missionId: string | undefined;
  if (query.mission) {
    const m = await findMission({ idOrCode: query.mission });
    if (!m) throw errors.notFound("Mission");
    missionId = m.id;
  }
  const found = await effectivenessCounts({ caller, missionId, recipeSlug: query.recipe, range: { from: query.from, to: query.to } });
  return { method: METHOD, scope: caller.role === "admin" ? "all" : "mentor_learners", items: found.map(toEffectiveness) };
});
