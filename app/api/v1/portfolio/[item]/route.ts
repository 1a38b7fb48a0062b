import { z } from "zod";
import { route } from "@/lib/api/handler";
import { setPortfolioVisibility, visibilityBodySchema } from "@/lib/db/queries/portfolio";

export const PATCH = route({ permission: "portfolio:own", params: z.object({ item: z.uuid() }), body: visibilityBodySchema }, async ({ caller, params, body }) =>
  setPortfolioVisibility({ userId: caller.id, itemId: params.item, isPublic: body.public }),
);
