import Link from "next/link";
import { recentReviewsForLearner } from "@/lib/reviews/results";
import { Badge } from "@/components/ui";
import { OUTCOME_LABEL, OUTCOME_TONE } from "./format";

/**
 * Recently reviewed submissions of the learner, shown on their dashboard.
 * Interface agreed with the dashboard; implemented by the review work (issue 5).
 */
export async function ReviewNotifications({ userId }: { userId: string }) {
  const list = await recentReviewsForLearner({ userId });
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="review-notes-heading" className="mb-6 rounded-xl border border-brand-100 bg-brand-50 p-4">
      <h2 id="review-notes-heading" className="text-sm font-semibold text-slate-900">
        Mentor reviews
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {list.map((r) => (
          <li key={r.reviewId} className="flex flex-wrap items-center gap-2">
            <Badge tone={OUTCOME_TONE[r.outcome] ?? "slate"}>{OUTCOME_LABEL[r.outcome] ?? r.outcome}</Badge>
            <Link href={`/missions/${r.code}/complete`} className="font-medium text-brand-700 underline">
              {r.code} · {r.title}
            </Link>
            <span className="text-slate-600">
              {r.outcome === "changes_requested" ? "" : `score ${r.score.toFixed(1)} · `}by {r.mentorName}, {r.createdAt.toISOString().slice(0, 10)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
