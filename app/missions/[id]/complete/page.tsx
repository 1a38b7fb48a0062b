import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { completionView } from "@/lib/reviews/results";
import { Alert, Badge, ButtonLink, Card, EmptyState, PageHeader, Skeleton, Stat } from "@/components/ui";
import { YourBenchmark } from "@/components/analytics/benchmarks-view";
import { OUTCOME_LABEL, OUTCOME_TONE, titleCase } from "@/components/review/format";
import { decisionAdjustment, hintAdjustment } from "@/components/missions/format";
import { tierLabel, trackLabel } from "@/lib/labels";
import { AnchoredRemarks } from "@/components/review/anchored-remarks";
import { AwaitingReviewCard } from "@/components/missions/awaiting-review";
import { StartButton } from "@/components/missions/start-button";

export const metadata = { title: "Mission result" };

export default async function CompletionPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireRole("learner", "mentor", "admin");
  const { id } = await params;
  let v;
  try {
    v = await completionView({ caller, missionIdOrCode: id });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const { mission, progress, review, content, portfolio, next } = v;
  const title = `${mission.code} · ${mission.title}`;

  if (!progress || !content) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title="You have not started this mission" action={<ButtonLink href={`/missions/${mission.code}`}>Open the mission</ButtonLink>} />
      </>
    );
  }

  const stageTitle = (k: string | null) => (k ? (content.stages.find((s) => s.key === k)?.title ?? k) : "Whole mission");
  const waiting = progress.state === "submitted" || progress.state === "in_review";
  const choices = new Map((v.choices ?? []).map((c) => [c.decision, c.choice]));

  return (
    <>
      <PageHeader
        title={title}
        description={`${trackLabel(mission.track)} · ${tierLabel(mission.tier)} · attempt ${progress.attempt}`}
        actions={review ? <Badge tone={OUTCOME_TONE[review.outcome] ?? "slate"}>{OUTCOME_LABEL[review.outcome] ?? review.outcome}</Badge> : <Badge tone="amber">{titleCase(progress.state)}</Badge>}
      />

      {waiting && v.waiting && <AwaitingReviewCard w={v.waiting} submittedAt={progress.submitted_at} opened={progress.state === "in_review"} />}
      {(progress.state === "failed" || progress.state === "expired") && caller.role === "learner" && (
        <section aria-labelledby="retry-h" className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <h2 id="retry-h" className="font-semibold text-slate-900">{progress.state === "expired" ? "Time ran out: try again" : "Not passed this time: try again"}</h2>
            <p className="mt-1 text-sm text-slate-700">
              {review ? <>Read {review.mentor.name}&apos;s feedback and the recommended recipes below, then start attempt</> : <>The deadline passed before this attempt was submitted. Start attempt</>} {progress.attempt + 1}. It starts fresh from the first stage; this attempt and its review stay in your history.
            </p>
          </div>
          <div className="shrink-0"><StartButton code={mission.code} label="Start a new attempt" /></div>
        </section>
      )}
      {!review && !waiting && progress.state !== "expired" && (
        <Alert tone="slate" className="mb-6">
          This attempt has not been reviewed yet.{" "}
          <Link href={`/missions/${mission.code}/play`} className="underline">
            Continue the mission
          </Link>
          .
        </Alert>
      )}

      {review && (
        <>
          {review.outcome === "changes_requested" && (
            <Alert tone="amber" title="Your mentor asked for changes" className="mb-6">
              The attempt is open again: revise the stages below and submit once more.{" "}
              <Link href={`/missions/${mission.code}/play`} className="font-medium underline">
                Back to the mission
              </Link>
            </Alert>
          )}
          <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label={review.outcome === "changes_requested" ? "Interim score" : "Score"} value={review.score.toFixed(1)} hint={`Pass mark ${content.success_criteria.min_score}`} />
            <Stat
              label="Result"
              value={review.outcome === "changes_requested" ? "Revise" : review.passed && review.outcome === "approved" ? "Passed" : "Not passed"}
              hint={`Reviewed by ${review.mentor.name}`}
            />
            <Stat label="Decisions" {...decisionAdjustment(progress.decision_delta, choices.size)} />
            <Stat label="Hints" {...hintAdjustment(progress.hint_penalty)} />
          </div>

          <div className="grid gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6 lg:col-span-2">
              <Card>
                <h2 className="font-semibold">Feedback from {review.mentor.name}</h2>
                {review.feedback ? <p className="mt-2 whitespace-pre-wrap text-sm">{review.feedback}</p> : <p className="mt-2 text-sm text-slate-500">No overall feedback.</p>}
                {Object.keys(review.stage_feedback).length > 0 && (
                  <dl className="mt-4 space-y-2 text-sm">
                    {Object.entries(review.stage_feedback).map(([k, t]) => (
                      <div key={k} className="rounded-lg bg-slate-50 p-3">
                        <dt className="font-medium">{stageTitle(k)}</dt>
                        <dd className="mt-1 whitespace-pre-wrap text-slate-700">{t}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </Card>

              {v.anchors.length > 0 && (
                <Card>
                  <h2 className="font-semibold">Remarks on your evidence</h2>
                  <p className="mb-3 mt-1 text-sm text-slate-600">Where {review.mentor.name} pointed at something in what you submitted.</p>
                  <AnchoredRemarks places={v.anchors} criterionTitle={(k) => content.rubric.find((c) => c.key === k)?.title ?? k} />
                </Card>
              )}

              <Card>
                <h2 className="font-semibold">Rubric breakdown</h2>
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full min-w-[28rem] text-left text-sm">
                    <caption className="sr-only">Your level and your mentor&apos;s remark per criterion</caption>
                    <thead className="text-xs text-slate-500">
                      <tr>
                        <th scope="col" className="py-1 pr-2">Criterion</th>
                        <th scope="col" className="py-1 pr-2">Level</th>
                        <th scope="col" className="py-1 pr-2">Points</th>
                        <th scope="col" className="py-1">Remark</th>
                      </tr>
                    </thead>
                    <tbody>
                      {review.scores.map((s) => (
                        <tr key={s.criterion} className="border-t border-slate-200 align-top">
                          <td className="py-1.5 pr-2">
                            {s.title}
                            <span className="block text-xs text-slate-500">{stageTitle(s.stage)}</span>
                          </td>
                          <td className="py-1.5 pr-2">
                            {s.level_label}
                            {s.descriptor && <span className="block text-xs text-slate-500">{s.descriptor}</span>}
                          </td>
                          <td className="py-1.5 pr-2 tabular-nums">
                            {s.points}/{s.max_points}
                          </td>
                          <td className="py-1.5 text-slate-700">
                            {s.remark ?? "—"}
                            {s.ai_assisted && (
                              <span className="ml-2 inline-block rounded bg-purple-100 px-1.5 py-0.5 text-xs font-medium text-purple-800" title="Your mentor accepted or edited a suggestion from an AI model for this criterion">
                                AI-assisted
                              </span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Card>

              <Card>
                <h2 className="font-semibold">Your path and the expert&apos;s</h2>
                {review.expert_path.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">This mission has no decision points.</p>
                ) : (
                  <ol className="mt-3 space-y-3 text-sm">
                    {review.expert_path.map((d) => {
                      const mine = content.decisions.find((x) => x.key === d.decision)?.choices.find((c) => c.id === choices.get(d.decision));
                      return (
                        <li key={d.decision} className="rounded-lg border border-slate-200 p-3">
                          <p className="font-medium">{d.prompt}</p>
                          <p className="mt-1">
                            <span className="text-slate-500">You chose: </span>
                            {mine?.label ?? "not reached on your path"}
                          </p>
                          <p>
                            <span className="text-slate-500">Expert&apos;s choice: </span>
                            {d.choice ? d.choice.label : "not set by the author"}
                            {d.choice && mine && (mine.id === d.choice.id ? <Badge tone="green" className="ml-2">same</Badge> : <Badge tone="amber" className="ml-2">different</Badge>)}
                          </p>
                          {d.choice?.rationale && <p className="mt-1 text-xs text-slate-600">{d.choice.rationale}</p>}
                        </li>
                      );
                    })}
                  </ol>
                )}
              </Card>
            </div>

            <div className="min-w-0 space-y-6">
              <Suspense fallback={<Skeleton className="h-64" />}>
                <YourBenchmark caller={caller} missionId={mission.id} />
              </Suspense>
              <Card>
                <h2 className="font-semibold">Recommended recipes</h2>
                {review.recommended_recipes.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">Your mentor did not recommend any.</p>
                ) : (
                  <ul className="mt-2 space-y-2 text-sm">
                    {review.recommended_recipes.map((r) => (
                      <li key={r.slug}>
                        <Link href={`/recipes/${r.slug}`} className="font-medium text-brand-700 underline">
                          {r.title}
                        </Link>
                        {r.summary && <span className="block text-xs text-slate-600">{r.summary}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              {portfolio && (
                <Card>
                  <h2 className="font-semibold">Portfolio</h2>
                  <p className="mt-1 text-sm text-slate-600">This mission is in your portfolio{portfolio.public ? " and public" : " (private)"}.</p>
                  <ButtonLink href="/portfolio" variant="secondary" className="mt-3">
                    View portfolio
                  </ButtonLink>
                </Card>
              )}
              {progress.state === "approved" && (
                <Card>
                  <h2 className="font-semibold">Next missions</h2>
                  {next.length === 0 ? (
                    <p className="mt-2 text-sm text-slate-500">You have done every mission of this track at this level.</p>
                  ) : (
                    <ul className="mt-2 space-y-1 text-sm">
                      {next.map((m) => (
                        <li key={m.id}>
                          <Link href={`/missions/${m.code}`} className="text-brand-700 underline">
                            {m.code} · {m.title}
                          </Link>{" "}
                          <span className="text-xs text-slate-500">{tierLabel(m.tier)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
