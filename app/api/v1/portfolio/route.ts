import { route } from "@/lib/api/handler";
import { listPortfolio } from "@/lib/db/queries/portfolio";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "portfolio:own" }, async ({ caller }) => {
  const items = await listPortfolio({ userId: caller.id });
  return { items };
});
