import { route } from "@/lib/api/handler";
import { listPortfolio } from "@/lib/portfolio/items";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "portfolio:own" }, async ({ caller }) => {
  const items = await listPortfolio({ caller });
  return { items };
});
