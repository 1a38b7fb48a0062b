import { route } from "@/lib/api/handler";
import * as recipes from "@/lib/api/contracts/recipes";
import { recommendationsFor } from "@/lib/recipes/recommendations";
import { toRecommendation } from "@/lib/recipes/serialize";

export const GET = route(recipes.recommendations, async ({ caller, query }) => {
  const r = await recommendationsFor({ caller, mission: query.mission, stage: query.stage, limit: query.limit });
  return { mission: r.mission, stage: r.stage, items: r.items.map(toRecommendation) };
});
