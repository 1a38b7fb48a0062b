import Link from "next/link";
import type { LearnerReview } from "@/lib/reviews/results";
import { formatDate } from "@/components/missions/format";

/**
 * The stages a mentor asked the learner to revisit, in path order: those with stage feedback, then
 * those whose criteria scored below full marks (with the lowest first when nothing was written).
 */
export function stagesToRevisit(review: Pick<LearnerReview, "stage_feedback" | "scores">, path: string[]): string[] {
  const written = new Set(Object.entries(review.stage_feedback).filter(([, t]) => t.trim()).map(([k]) => k));
  const low = new Set(review.scores.filter((s) => s.stage && s.points < s.max_points).map((s) => s.stage!));
  const wanted = written.size ? written : low;
  return path.filter((k) => wanted.has(k));
}

/** Inside the stage player of a reopened attempt: the mentor's remarks and the stages to revisit. */
export function ChangesRequestedBanner({ review, path, stageTitle, code, current }: { review: LearnerReview; path: string[]; stageTitle: (k: string) => string; code: string; current: string }) {
  const revisit = stagesToRevisit(review, path);
  const here = review.stage_feedback[current]?.trim();
  const remarks = review.scores.filter((s) => s.stage === current && s.remark?.trim());
  return (
    <section aria-labelledby="changes-h" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4">
      <h2 id="changes-h" className="font-semibold text-amber-950">{review.mentor.name} asked for changes</h2>
      <p className="mt-0.5 text-xs text-amber-900">Reviewed {formatDate(new Date(review.created_at))} · update your work, then submit again (same attempt)</p>
      {review.feedback.trim() && <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-amber-300 pl-3 text-sm text-slate-800">{review.feedback}</blockquote>}
      {here && (
        <div className="mt-3 rounded-lg bg-white p-3 text-sm">
          <p className="font-medium text-slate-900">On this stage</p>
          <p className="mt-1 whitespace-pre-wrap text-slate-700">{here}</p>
        </div>
      )}
      {remarks.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm text-slate-700">
          {remarks.map((r) => <li key={r.criterion}><span className="font-medium">{r.title}:</span> {r.remark}</li>)}
        </ul>
      )}
      {revisit.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-900">Stages to revisit</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {revisit.map((k) => (
              <li key={k}>
                <Link href={`/missions/${code}/play?stage=${k}`} aria-current={k === current ? "page" : undefined} className={`inline-block rounded-full border px-3 py-1 ${k === current ? "border-amber-500 bg-amber-100 font-medium" : "border-amber-300 bg-white text-brand-700 hover:underline"}`}>
                  {stageTitle(k)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-3 text-sm"><Link href={`/missions/${code}/complete`} className="font-medium text-brand-700 underline">See the whole review</Link></p>
    </section>
  );
}
