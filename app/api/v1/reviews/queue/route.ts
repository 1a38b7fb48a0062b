import { route } from "@/lib/api/handler";
import { queueQuerySchema } from "@/lib/missions/review-schemas";
import { reviewQueue } from "@/lib/reviews/queue";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "reviews:queue", query: queueQuerySchema }, async ({ caller, query }) => {
  const items = await reviewQueue({ caller, filters: query });
  return { items, total: items.length };
});
