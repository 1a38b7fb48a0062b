import { after } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { aiConfig, recordSecondOpinion } from "@/lib/reviews/second-opinion";
import { reviewBodySchema } from "@/lib/missions/review-schemas";
import { submissionForReview } from "@/lib/reviews/submission";
import { submitReview } from "@/lib/reviews/submit";

const params = z.object({ progress: z.uuid() });

/** Opening a submission claims it for review (submitted → in_review; the version does not change). */
export const GET = route({ permission: "reviews:queue", params }, async ({ caller, params }) => {
  const d = await submissionForReview({ caller, progressId: params.progress, open: true });
  // With an AI endpoint configured, fetch its second opinion after responding (shown on the next load).
  if (d.progress.reviewable && !d.second_opinion && aiConfig()) after(() => recordSecondOpinion({ progressId: d.progress.id }).then(() => undefined, () => undefined));
  return d;
});

export const POST = route({ permission: "reviews:write", params, body: reviewBodySchema, status: 201 }, async ({ caller, params, body }) =>
  submitReview({ caller, progressId: params.progress, body }),
);
