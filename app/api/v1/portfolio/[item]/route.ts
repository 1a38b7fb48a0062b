import { z } from "zod";
import { route } from "@/lib/api/handler";
import { visibilityBodySchema } from "@/lib/db/queries/portfolio";
import { setPortfolioVisibility } from "@/lib/portfolio/items";

export const PATCH = route({ permission: "portfolio:own", params: z.object({ item: z.uuid() }), body: visibilityBodySchema }, async ({ caller, params, body }) =>
  setPortfolioVisibility({ caller, itemId: params.item, isPublic: body.public }),
);
