import { route } from "@/lib/api/handler";
import * as portfolio from "@/lib/api/contracts/portfolio";
import { listPortfolio } from "@/lib/portfolio/items";

export const dynamic = "force-dynamic";

export const GET = route(portfolio.list, async ({ caller }) => {
  const items = await listPortfolio({ caller });
  return { items };
});
