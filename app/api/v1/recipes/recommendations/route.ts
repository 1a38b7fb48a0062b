import { route } from "@/lib/api/handler";
import { recommendationsQuerySchema } from "@/lib/recipes/schemas";
import { recommendationsFor } from "@/lib/recipes/recommendations";
import { toRecommendation } from "@/lib/recipes/serialize";

export const GET = route({ permission: "recipes:read", query: recommendationsQuerySchema }, async ({ caller, query }) => {
  const r = await recommendationsFor({ caller, mission: query.mission, stage: query.stage, limit: query.limit });
  return { mission: r.mission, stage: r.stage, items: r.items.map(toRecommendation) };
});
