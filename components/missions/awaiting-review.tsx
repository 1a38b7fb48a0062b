import Link from "next/link";
import type { AwaitingReview } from "@/lib/reviews/waiting";
import { formatDate } from "@/components/missions/format";

/** "about 18 hours", "about 2 days": a wait in the words a learner uses. */
export function waitWords(hours: number): string {
  if (hours < 1.5) return "about an hour";
  if (hours < 36) return `about ${Math.round(hours)} hours`;
  return `about ${Math.round(hours / 24)} days`;
}

const BASIS = {
  mission: (n: number) => `the median of the last ${n} reviews of this mission`,
  all: (n: number) => `the median of the last ${n} reviews across Sortie`,
  sla: () => "the review target",
} as const;

/** After submitting: what happens next, who reviews, the typical wait and what to do meanwhile. */
export function AwaitingReviewCard({ w, submittedAt, opened, now = new Date() }: { w: AwaitingReview; submittedAt: Date | null; opened: boolean; now?: Date }) {
  const who = w.reviewers.length === 0 ? "a Sortie mentor" : w.reviewers.length === 1 ? `your mentor, ${w.reviewers[0]}` : `one of your mentors (${w.reviewers.join(", ")})`;
  const late = w.expected_by.getTime() < now.getTime();
  return (
    <section className="mb-6 rounded-xl border border-blue-200 bg-blue-50 p-4 shadow-sm sm:p-5" aria-labelledby="waiting-h">
      <h2 id="waiting-h" className="font-semibold text-slate-900">Submitted: awaiting review</h2>
      <ol className="mt-3 space-y-3 text-sm text-slate-800">
        <li>
          <span className="font-medium">Who reviews it.</span> {who[0].toUpperCase() + who.slice(1)} {opened ? "has opened your submission and is scoring it" : "will score it"} with the mission&apos;s rubric
          {submittedAt ? <> (submitted {formatDate(submittedAt)})</> : null}.
        </li>
        <li>
          <span className="font-medium">How long it takes.</span> Reviews usually take {waitWords(w.typical_wait_hours)} ({BASIS[w.wait_basis](w.reviews_counted)}
          {w.wait_basis !== "sla" && `; the target is ${waitWords(w.sla_hours)}`}).{" "}
          {late ? "Yours is taking longer than usual; it is still in the queue." : <>Expect it by {formatDate(w.expected_by)}.</>}
        </li>
        <li>
          <span className="font-medium">What you will get.</span> Your score, feedback per stage, the expert&apos;s path and recommended recipes appear on this page, and on your dashboard. If your mentor asks for changes, the attempt reopens with their remarks in the stage player.
        </li>
      </ol>
      {(w.recipes.length > 0 || w.next_missions.length > 0) && (
        <div className="mt-4 grid gap-4 border-t border-blue-200 pt-4 sm:grid-cols-2">
          {w.recipes.length > 0 && (
            <section aria-labelledby="meanwhile-recipes">
              <h3 id="meanwhile-recipes" className="text-sm font-semibold text-slate-900">Meanwhile: recipes from this mission</h3>
              <ul className="mt-2 space-y-1.5 text-sm">
                {w.recipes.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/recipes/${r.slug}`} className="font-medium text-brand-700 underline">{r.title}</Link>
                    <span className="text-xs text-slate-600"> · {r.estimated_minutes} min</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {w.next_missions.length > 0 && (
            <section aria-labelledby="meanwhile-missions">
              <h3 id="meanwhile-missions" className="text-sm font-semibold text-slate-900">Or start another mission</h3>
              <ul className="mt-2 space-y-1.5 text-sm">
                {w.next_missions.map((m) => (
                  <li key={m.code}>
                    <Link href={`/missions/${m.code}`} className="font-medium text-brand-700 underline">{m.code} · {m.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
