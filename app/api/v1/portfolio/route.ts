import { route } from "@/lib/api/handler";
import * as portfolio from "@/lib/api/contracts/portfolio";
import { listPortfolio } from "@/lib/db/queries/portfolio";

export const dynamic = "force-dynamic";

export const GET = route(portfolio.list, async ({ caller }) => {
  const items = await listPortfolio({ userId: caller.id });
  return { items };
});
