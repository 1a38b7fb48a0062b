import { route } from "@/lib/api/handler";
import { reviewQueue } from "@/lib/reviews/queue";
import * as reviews from "@/lib/api/contracts/reviews";

export const dynamic = "force-dynamic";

export const GET = route(reviews.queue, async ({ caller, query }) => {
  const items = await reviewQueue({ caller, filters: query });
  return { items, total: items.length };
});
