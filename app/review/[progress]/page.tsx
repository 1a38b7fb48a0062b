import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { aiConfig, queueSecondOpinion } from "@/lib/reviews/second-opinion";
import { recipeOptions } from "@/lib/reviews/queue";
import { submissionForReview } from "@/lib/reviews/submission";
import { queueAiSuggestions } from "@/lib/reviews/ai-suggestions";
import { missionContent } from "@/lib/db/queries/missions";
import { formatDuration } from "@/lib/labels";
import { Alert, Badge, Card, PageHeader, Stat } from "@/components/ui";
import { RubricForm } from "@/components/review/rubric-form";
import { EvidencePreview } from "@/components/review/evidence-preview";
import { PrescorePanel } from "@/components/review/prescore-panel";
import { TimelineList } from "@/components/missions/timeline-list";
import { ModerationNotice } from "@/components/review/moderation-notice";
import { OUTCOME_LABEL, OUTCOME_TONE, titleCase } from "@/components/review/format";
import { tierLabel, trackLabel } from "@/lib/labels";

export const metadata = { title: "Review submission" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ReviewPage({ params }: { params: Promise<{ progress: string }> }) {
  const caller = await requireRole("mentor", "admin");
  const { progress } = await params;
  if (!UUID.test(progress)) notFound();
  let d;
  try {
    d = await submissionForReview({ caller, progressId: progress, open: true });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  if (d.progress.reviewable && !d.second_opinion && aiConfig()) await queueSecondOpinion({ progressId: d.progress.id });
  if (d.progress.reviewable && d.ai_suggestions?.status === "pending") await queueAiSuggestions({ progressId: d.progress.id, version: d.progress.version });
  const content = await missionContent({ missionId: d.mission.id, version: d.mission.version });
  const pathKeys = d.path.map((s) => s.stage);
  const suggested = [...new Set((content?.stages ?? []).filter((s) => pathKeys.includes(s.key)).flatMap((s) => s.recipes))];
  const recipes = await recipeOptions();
  const totalTime = d.path.reduce((s, p) => s + (p.time_seconds ?? 0), 0);
  const latest = d.reviews[0];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/review" className="text-brand-700 underline">
          ← Review queue
        </Link>
      </p>
      <PageHeader
        title={`${d.mission.code} · ${d.mission.title}`}
        description={
          <>
            Submitted by <strong>{d.learner.name}</strong>
            {d.progress.submitted_at && <> on {new Date(d.progress.submitted_at).toUTCString().slice(0, 22)} UTC</>} · attempt {d.progress.attempt} ·{" "}
            {trackLabel(d.mission.track)} · {tierLabel(d.mission.tier)}
          </>
        }
        actions={<Badge tone={d.progress.reviewable ? "amber" : "slate"}>{titleCase(d.progress.state)}</Badge>}
      />

      {d.moderation && <ModerationNotice moderation={d.moderation} progressId={d.progress.id} admin={caller.role === "admin"} />}

      {!d.progress.reviewable && !d.moderation && (
        <Alert tone="blue" title="Not waiting for review" className="mb-4">
          {latest ? (
            <>
              {latest.mentor.name} reviewed this attempt ({OUTCOME_LABEL[latest.outcome] ?? latest.outcome}, {latest.score.toFixed(1)}).
            </>
          ) : (
            <>This attempt is {titleCase(d.progress.state).toLowerCase()}; there is nothing to review yet.</>
          )}
        </Alert>
      )}

      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Pre-score" value={d.prescore.score.toFixed(1)} hint="Automated suggestion" />
        <Stat label="Decision deltas" value={`${d.progress.decision_delta >= 0 ? "+" : ""}${d.progress.decision_delta}`} hint="Added to the score" />
        <Stat label="Hint penalties" value={`−${d.progress.hint_penalty}`} hint={`${d.hints.items.length} hint${d.hints.items.length === 1 ? "" : "s"} used`} />
        <Stat label="Time on stages" value={totalTime ? formatDuration(totalTime * 1000) : "—"} hint={totalTime ? "Visible time, from stage telemetry" : "No stage telemetry"} />
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          {d.reviews.length > 0 && (
            <Card>
              <h2 className="font-semibold">Earlier reviews</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {d.reviews.map((r) => (
                  <li key={r.id}>
                    <Badge tone={OUTCOME_TONE[r.outcome] ?? "slate"}>{OUTCOME_LABEL[r.outcome] ?? r.outcome}</Badge> by {r.mentor.name},{" "}
                    {new Date(r.created_at).toISOString().slice(0, 10)} · score {r.score.toFixed(1)}
                    {r.feedback && <p className="mt-1 whitespace-pre-wrap text-slate-700">{r.feedback}</p>}
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <section aria-labelledby="path-heading" className="space-y-4">
            <h2 id="path-heading" className="text-lg font-semibold">
              The learner&apos;s path
            </h2>
            <ol className="space-y-4">
              {d.path.map((s, i) => {
                const files = d.evidence.filter((e) => e.stage === s.stage);
                return (
                  <li key={s.stage}>
                    <Card>
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <h3 className="font-semibold">
                          {i + 1}. {s.title}
                        </h3>
                        <p className="flex flex-wrap gap-2 text-xs text-slate-600">
                          <span>weight {s.weight}</span>
                          <span>· time {s.time_seconds != null ? formatDuration(s.time_seconds * 1000) : "not recorded"}</span>
                          {!s.completed && <Badge tone="red">not completed</Badge>}
                        </p>
                      </div>
                      {s.answer_prompt || s.answer !== null ? (
                        <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm">
                          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.answer_prompt ?? "Answer"}</p>
                          <p className="mt-1 flex flex-wrap items-center gap-2">
                            <code className="break-all rounded bg-white px-1.5 py-0.5">{s.answer ?? "—"}</code>
                            {s.answer_verdict && (
                              <Badge tone={s.answer_verdict.verdict === "correct" ? "green" : s.answer_verdict.verdict === "partial" ? "amber" : "red"}>
                                {titleCase(s.answer_verdict.verdict)}
                              </Badge>
                            )}
                          </p>
                          {s.answer_verdict && <p className="mt-1 text-xs text-slate-600">{s.answer_verdict.reason}</p>}
                          {s.expected_answer && (
                            <p className="mt-1 text-xs text-slate-600">
                              Expected: <code className="break-all">{s.expected_answer}</code>
                              {s.answer_explanation && <> — {s.answer_explanation}</>}
                            </p>
                          )}
                        </div>
                      ) : null}
                      <div className="mt-3">
                        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Notes</p>
                        {s.notes ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{s.notes}</p> : <p className="mt-1 text-sm text-slate-500">No notes.</p>}
                      </div>
                      {s.hints.length > 0 && (
                        <p className="mt-3 text-sm">
                          <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Hints used </span>
                          {s.hints.map((h) => (
                            <Badge key={h.level} tone="amber" className="mr-1">
                              level {h.level}: −{h.penalty}
                            </Badge>
                          ))}
                        </p>
                      )}
                      <div className="mt-3">
                        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Evidence</p>
                        {files.length === 0 ? (
                          <p className="mt-1 text-sm text-slate-500">No evidence for this stage.</p>
                        ) : (
                          <ul className="mt-2 space-y-2">
                            {files.map((e) => (
                              <EvidencePreview key={e.id} item={e} />
                            ))}
                          </ul>
                        )}
                      </div>
                      {s.decision && (
                        <div className="mt-3 rounded-lg border border-slate-200 p-3 text-sm">
                          <p className="font-medium">Decision: {s.decision.prompt}</p>
                          <dl className="mt-2 grid gap-1 sm:grid-cols-[auto_1fr] sm:gap-x-3">
                            <dt className="text-slate-500">Learner chose</dt>
                            <dd>
                              {s.decision.chosen ? (
                                <>
                                  {s.decision.chosen.label}{" "}
                                  <span className="text-slate-500">
                                    ({s.decision.chosen.score_delta >= 0 ? "+" : ""}
                                    {s.decision.chosen.score_delta})
                                  </span>
                                </>
                              ) : (
                                "—"
                              )}
                            </dd>
                            <dt className="text-slate-500">Expert&apos;s choice</dt>
                            <dd>
                              {s.decision.expert ? (
                                <>
                                  {s.decision.expert.label}
                                  {s.decision.chosen && s.decision.chosen.id === s.decision.expert.id ? (
                                    <Badge tone="green" className="ml-2">same</Badge>
                                  ) : (
                                    <Badge tone="amber" className="ml-2">differs</Badge>
                                  )}
                                  {s.decision.expert.rationale && <span className="block text-xs text-slate-600">{s.decision.expert.rationale}</span>}
                                </>
                              ) : (
                                <span className="text-slate-500">none set by the author</span>
                              )}
                            </dd>
                          </dl>
                        </div>
                      )}
                    </Card>
                  </li>
                );
              })}
            </ol>
          </section>

          <Card>
            <h2 className="font-semibold">Reflection</h2>
            {d.mission.reflection_prompt && <p className="mt-1 text-xs text-slate-500">{d.mission.reflection_prompt}</p>}
            {d.progress.reflection ? <p className="mt-2 whitespace-pre-wrap text-sm">{d.progress.reflection}</p> : <p className="mt-2 text-sm text-slate-500">No reflection written.</p>}
            <h3 className="mt-4 text-sm font-semibold">Objectives</h3>
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
              {d.mission.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </Card>

          <Card>
            <h2 className="font-semibold">Timeline</h2>
            <p className="mb-2 mt-1 text-xs text-slate-500">The attempt as the learner lived it: stages with visible time, wrong answers, hints, decisions, recipes and nudges.</p>
            <TimelineList moments={d.timeline} />
          </Card>

          <PrescorePanel prescore={d.prescore} secondOpinion={d.second_opinion} stageTitles={Object.fromEntries(d.stages.map((s) => [s.key, s.title]))} />
        </div>

        <div className="min-w-0 lg:col-span-2">
          {d.progress.reviewable && d.ai_suggestions?.status === "pending" && (
            <p className="mb-3 rounded-lg border border-purple-200 bg-purple-50 p-2 text-xs text-purple-900" role="status">
              An AI model is preparing a suggestion per criterion in the background; reload in a minute to see them. Your marks do not depend on it.
            </p>
          )}
          {d.progress.reviewable ? (
            <RubricForm
              progressId={d.progress.id}
              version={d.progress.version}
              criteria={d.rubric.filter((c) => c.on_path)}
              stages={d.stages}
              path={d.path.map((s) => ({ stage: s.stage, title: s.title }))}
              decisionDelta={d.progress.decision_delta}
              hintPenalty={d.progress.hint_penalty}
              minScore={d.mission.min_score}
              requiredStages={d.mission.required_stages}
              recipes={recipes}
              suggested={suggested}
              files={d.evidence.filter((e) => e.kind === "file").map((e) => ({ id: e.id, name: e.name, content_type: e.content_type }))}
              suggestions={d.ai_suggestions?.items}
            />
          ) : (
            <Card>
              <h2 className="font-semibold">Rubric</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {d.rubric
                  .filter((c) => c.on_path)
                  .map((c) => {
                    const s = latest?.scores.find((x) => x.criterion === c.key);
                    return (
                      <li key={c.key} className="flex justify-between gap-2">
                        <span>{c.title}</span>
                        <span className="text-slate-600">{s ? `${c.levels[s.level]?.label ?? s.level} (${s.points}/${s.max_points})` : "—"}</span>
                      </li>
                    );
                  })}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
