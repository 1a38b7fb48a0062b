import { route } from "@/lib/api/handler";
import { aiConfig, queueSecondOpinion } from "@/lib/reviews/second-opinion";
import { submissionForReview } from "@/lib/reviews/submission";
import { queueAiSuggestions } from "@/lib/reviews/ai-suggestions";
import { submitReview } from "@/lib/reviews/submit";
import * as reviews from "@/lib/api/contracts/reviews";

/** Opening a submission claims it for review (submitted → in_review; the version does not change). */
export const GET = route(reviews.submission, async ({ caller, params }) => {
  const d = await submissionForReview({ caller, progressId: params.progress, open: true });
  // With an AI endpoint configured, a background job fetches its second opinion (shown on a later load).
  if (d.progress.reviewable && !d.second_opinion && aiConfig()) await queueSecondOpinion({ progressId: d.progress.id });
  // With SORTIE_AI_URL, suggestions per criterion are asked once per submission version, in the background.
  if (d.progress.reviewable && d.ai_suggestions?.status === "pending") await queueAiSuggestions({ progressId: d.progress.id, version: d.progress.version });
  return d;
});

export const POST = route(reviews.review, async ({ caller, params, body }) =>
  submitReview({ caller, progressId: params.progress, body }),
);
