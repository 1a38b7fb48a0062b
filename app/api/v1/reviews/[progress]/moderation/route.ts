import { route } from "@/lib/api/handler";
import { moderationView, resolveModeration } from "@/lib/reviews/moderation";
import * as reviews from "@/lib/api/contracts/moderation";

export const GET = route(reviews.moderationView, async ({ caller, params }) => moderationView({ caller, progressId: params.progress }));

export const POST = route(reviews.moderate, async ({ caller, params, body }) => resolveModeration({ caller, progressId: params.progress, body }));
