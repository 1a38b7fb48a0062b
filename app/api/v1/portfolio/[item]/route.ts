import { route } from "@/lib/api/handler";
import * as portfolio from "@/lib/api/contracts/portfolio";
import { setPortfolioVisibility } from "@/lib/portfolio/items";

export const PATCH = route(portfolio.setVisibility, async ({ caller, params, body }) =>
  setPortfolioVisibility({ caller, itemId: params.item, isPublic: body.public }),
);
