import { route } from "@/lib/api/handler";
import { progressBodySchema, slugParams } from "@/lib/recipes/schemas";
import { recordRecipeProgress } from "@/lib/recipes/progress";
import { toProgressResult } from "@/lib/recipes/serialize";

export const POST = route({ permission: "recipes:track", params: slugParams, body: progressBodySchema }, async ({ caller, params, body }) =>
  toProgressResult(await recordRecipeProgress({ caller, slug: params.slug, input: body })),
);
