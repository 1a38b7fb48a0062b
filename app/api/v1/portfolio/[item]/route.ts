import { route } from "@/lib/api/handler";
import { setPortfolioVisibility } from "@/lib/db/queries/portfolio";
import * as portfolio from "@/lib/api/contracts/portfolio";

export const PATCH = route(portfolio.setVisibility, async ({ caller, params, body }) =>
  setPortfolioVisibility({ userId: caller.id, itemId: params.item, isPublic: body.public }),
);
