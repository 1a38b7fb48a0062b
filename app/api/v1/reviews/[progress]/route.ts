import { z } from "zod";
import { route } from "@/lib/api/handler";
import { reviewBodySchema, submissionForReview, submitReview } from "@/lib/db/queries/reviews";

const params = z.object({ progress: z.uuid() });

/** Opening a submission claims it for review (submitted → in_review; the version does not change). */
export const GET = route({ permission: "reviews:queue", params }, async ({ caller, params }) =>
  submissionForReview({ caller, progressId: params.progress, open: true }),
);

export const POST = route({ permission: "reviews:write", params, body: reviewBodySchema, status: 201 }, async ({ caller, params, body }) =>
  submitReview({ caller, progressId: params.progress, body }),
);
