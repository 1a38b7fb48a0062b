"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { computeScore, FORMULA_TEXT, MISSION_WIDE } from "@/lib/missions/scoring";
import type { RecipeOption } from "@/lib/reviews/queue";
import type { SubmissionDetail } from "@/lib/reviews/submission";
import { Alert, Badge, Button, cx, inputClass } from "@/components/ui";
import { RecipePicker } from "./recipe-picker";
import { AnchorEditor, type AnchorDraft } from "./anchor-editor";
import { AiSuggestion, type AiChoice, type AiItem } from "./ai-suggestion";

type Criterion = SubmissionDetail["rubric"][number];
type Outcome = "approved" | "changes_requested" | "failed";

export interface RubricFormProps {
  progressId: string;
  version: number;
  criteria: Criterion[];
  stages: { key: string; title: string; weight: number }[];
  path: { stage: string; title: string }[];
  decisionDelta: number;
  hintPenalty: number;
  minScore: number;
  requiredStages: string[];
  recipes: RecipeOption[];
  suggested: string[];
  /** The submission's evidence files, for remarks pinned to a place in them. */
  files: { id: string; name: string; content_type: string | null }[];
  /** AI suggestions per criterion (only with SORTIE_AI_URL configured and answered). */
  suggestions?: AiItem[];
}

interface ServerError {
  status: number;
  message: string;
  fields?: Record<string, string>;
  reviewedBy?: { name: string; outcome: string; at: string } | null;
}

const OUTCOMES: { value: Outcome; label: string; help: string }[] = [
  { value: "approved", label: "Approve", help: "Final. Adds the mission to the learner's portfolio." },
  { value: "changes_requested", label: "Request changes", help: "Back to the learner (same attempt) with your feedback on each stage." },
  { value: "failed", label: "Fail", help: "Final. The learner may start a new attempt." },
];

/** The rubric grid with the live score (lib/missions/scoring.ts, the same code the server runs). */
export function RubricForm(p: RubricFormProps) {
  const router = useRouter();
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [remarks, setRemarks] = useState<Record<string, string>>({});
  const [stageFeedback, setStageFeedback] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [anchors, setAnchors] = useState<AnchorDraft[]>([]);
  const [aiChoice, setAiChoice] = useState<Record<string, AiChoice>>({});
  const [error, setError] = useState<ServerError | null>(null);
  const [pending, start] = useTransition();

  const pathKeys = p.path.map((s) => s.stage);
  const result = useMemo(
    () =>
      computeScore({
        stages: p.stages,
        criteria: p.criteria.map((c) => ({ key: c.key, stage: c.stage, weight: c.weight, levels: c.levels })),
        path: pathKeys,
        levels,
        decisionDelta: p.decisionDelta,
        hintPenalty: p.hintPenalty,
        minScore: p.minScore,
        requiredStages: p.requiredStages,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [levels],
  );
  const stageTitle = (k: string) => (k === MISSION_WIDE ? "Whole mission" : (p.stages.find((s) => s.key === k)?.title ?? k));
  const complete = result.unscored.length === 0;

  const fieldError = (name: string) => error?.fields?.[name];
  const criterionError = (i: number) => error?.fields?.[`scores[${i}].level`] ?? error?.fields?.[`scores[${i}].criterion`];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!outcome) return setError({ status: 400, message: "Choose an outcome.", fields: { outcome: "choose an outcome" } });
    const body = {
      version: p.version,
      outcome,
      scores: p.criteria.filter((c) => levels[c.key] !== undefined).map((c) => ({ criterion: c.key, level: levels[c.key], ...(remarks[c.key]?.trim() ? { remark: remarks[c.key].trim() } : {}) })),
      feedback,
      stage_feedback: Object.fromEntries(Object.entries(stageFeedback).filter(([, v]) => v.trim())),
      recommended_recipes: picked,
      anchors,
      // An accepted suggestion whose level or remark was changed afterwards is sent as edited.
      ai: (p.suggestions ?? [])
        .filter((a) => aiChoice[a.criterion])
        .map((a) => ({ suggestion_id: a.id, decision: aiChoice[a.criterion] === "accepted" && (levels[a.criterion] !== a.level || (remarks[a.criterion] ?? "") !== a.remark) ? "edited" : aiChoice[a.criterion] })),
    };
    // Keep the criterion order so field errors (scores[i]) point at the right row.
    const order = body.scores.map((s) => s.criterion);
    start(async () => {
      setError(null);
      const res = await fetch(`/api/v1/reviews/${p.progressId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.status === 201) {
        // A double-marked review is held (second blind mark or moderator) before the learner sees it.
        const done = (await res.json().catch(() => null)) as { released?: boolean; moderation?: { status?: string } | null } | null;
        const held = done?.released === false ? `&held=${done.moderation?.status ?? "second_marking"}` : "";
        router.push(`/review?reviewed=${p.progressId}${held}`);
        router.refresh();
        return;
      }
      const j = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string>; reviewed_by?: ServerError["reviewedBy"] } } | null;
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(j?.error?.fields ?? {})) {
        const m = /^scores\[(\d+)\]\.(\w+)$/.exec(k);
        if (m) fields[`scores[${p.criteria.findIndex((c) => c.key === order[Number(m[1])])}].${m[2]}`] = v;
        else fields[k] = v;
      }
      setError({ status: res.status, message: j?.error?.message ?? "Something went wrong on our side. Try again.", fields, reviewedBy: j?.error?.reviewed_by });
    });
  }

  const byStage = new Map<string, Criterion[]>();
  for (const c of p.criteria) {
    const k = c.stage ?? MISSION_WIDE;
    byStage.set(k, [...(byStage.get(k) ?? []), c]);
  }

  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby="rubric-heading" noValidate>
      <div className="sticky top-0 z-10 -mx-1 rounded-xl border border-slate-200 bg-white/95 p-4 shadow-sm backdrop-blur">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="rubric-heading" className="text-lg font-semibold">Rubric</h2>
          <p className="text-sm">
            <span className="text-slate-500">Score </span>
            <output aria-live="polite" aria-label="Computed score" data-testid="live-score" className="text-2xl font-semibold tabular-nums">
              {result.score.toFixed(1)}
            </output>
            <span className="text-slate-500"> / 100</span>
          </p>
        </div>
        <p className="mt-1 text-xs text-slate-600">
          Criteria {Math.round(result.base * 10) / 10} {p.decisionDelta >= 0 ? "+" : "−"} decisions {Math.abs(p.decisionDelta)} − hints {p.hintPenalty}
          {" · "}pass mark {p.minScore}
          {" · "}
          {!complete ? (
            <span className="font-medium text-amber-800">{result.unscored.length} criteria left to score</span>
          ) : result.passed ? (
            <span className="font-medium text-green-800">passes</span>
          ) : (
            <span className="font-medium text-red-800">does not pass</span>
          )}
        </p>
      </div>

      <details className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">How the score is computed</summary>
        <p className="mt-2">{FORMULA_TEXT}</p>
        <table className="mt-3 w-full text-left text-xs">
          <caption className="sr-only">Stage scores</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col" className="py-1">Stage</th>
              <th scope="col" className="py-1">Weight</th>
              <th scope="col" className="py-1">Stage score</th>
            </tr>
          </thead>
          <tbody>
            {result.stages.map((s) => (
              <tr key={s.key} className="border-t border-slate-200">
                <td className="py-1">{stageTitle(s.key)}</td>
                <td className="py-1">{s.weight}</td>
                <td className="py-1 tabular-nums">{(s.score * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      {[...byStage.entries()].map(([stageKey, list]) => (
        <fieldset key={stageKey} className="min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {stageTitle(stageKey)}
            {p.requiredStages.includes(stageKey) && <Badge tone="amber" className="ml-2">required</Badge>}
          </legend>
          {list.map((c) => {
            const i = p.criteria.indexOf(c);
            const err = criterionError(i);
            return (
              <fieldset key={c.key} className="min-w-0 space-y-2" aria-describedby={err ? `err-${c.key}` : undefined}>
                <legend className="text-sm font-medium">
                  {c.title} <span className="font-normal text-slate-500">· weight {c.weight} · max {c.max_points} pts</span>
                </legend>
                {c.description && <p className="text-xs text-slate-600">{c.description}</p>}
                {/* One row per criterion, one column per level (wrapping in a narrow column rather than
                    hiding levels off to the side); arrow keys move between levels. */}
                <div>
                  <div
                    className="grid gap-1.5"
                    style={{ gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr))` }}
                    role="radiogroup"
                    aria-label={`${c.title} level`}
                  >
                    {c.levels.map((l) => {
                      const id = `lvl-${c.key}-${l.index}`;
                      const on = levels[c.key] === l.index;
                      return (
                        <label
                          key={l.index}
                          htmlFor={id}
                          className={cx(
                            "flex cursor-pointer flex-col gap-1 rounded-lg border p-2 text-xs transition-colors focus-within:ring-2 focus-within:ring-brand-500",
                            on ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:bg-slate-50",
                          )}
                        >
                          <span className="flex items-center gap-2">
                            <input
                              id={id}
                              type="radio"
                              name={`level-${c.key}`}
                              value={l.index}
                              checked={on}
                              onChange={() => setLevels((s) => ({ ...s, [c.key]: l.index }))}
                            />
                            <span className="text-sm font-medium text-slate-900">{l.label}</span>
                            <span className="ml-auto tabular-nums text-slate-500">{l.points} pts</span>
                          </span>
                          <span className="text-slate-600">{l.descriptor}</span>
                        </label>
                      );
                    })}
                  </div>
                </div>
                {p.suggestions?.filter((a) => a.criterion === c.key).map((a) => (
                  <AiSuggestion
                    key={a.id}
                    item={a}
                    levelLabel={c.levels[a.level]?.label ?? String(a.level)}
                    choice={aiChoice[c.key]}
                    onChoose={(choice) => {
                      setAiChoice((s) => ({ ...s, [c.key]: choice }));
                      if (choice === "rejected") return;
                      setLevels((s) => ({ ...s, [c.key]: a.level }));
                      setRemarks((s) => ({ ...s, [c.key]: a.remark }));
                      if (choice === "edited") document.getElementById(`remark-${c.key}`)?.focus();
                    }}
                  />
                ))}
                {err && (
                  <p id={`err-${c.key}`} className="text-sm text-red-700">
                    {err}
                  </p>
                )}
                <label htmlFor={`remark-${c.key}`} className="sr-only">
                  Remark on {c.title}
                </label>
                <textarea
                  id={`remark-${c.key}`}
                  value={remarks[c.key] ?? ""}
                  onChange={(e) => setRemarks((s) => ({ ...s, [c.key]: e.target.value }))}
                  placeholder={`Remark on ${c.title.toLowerCase()} (optional)`}
                  rows={2}
                  maxLength={2000}
                  className={inputClass}
                />
              </fieldset>
            );
          })}
          {stageKey !== MISSION_WIDE && (
            <div className="space-y-1">
              <label htmlFor={`sf-${stageKey}`} className="block text-sm font-medium">
                Feedback on this stage
              </label>
              <textarea
                id={`sf-${stageKey}`}
                value={stageFeedback[stageKey] ?? ""}
                onChange={(e) => setStageFeedback((s) => ({ ...s, [stageKey]: e.target.value }))}
                rows={2}
                maxLength={5000}
                className={inputClass}
                aria-invalid={fieldError(`stage_feedback.${stageKey}`) ? true : undefined}
              />
            </div>
          )}
        </fieldset>
      ))}

      {p.path
        .filter((s) => !byStage.has(s.stage))
        .map((s) => (
          <div key={s.stage} className="space-y-1">
            <label htmlFor={`sf-${s.stage}`} className="block text-sm font-medium">
              Feedback on “{s.title}” <span className="font-normal text-slate-500">(no rubric criterion)</span>
            </label>
            <textarea id={`sf-${s.stage}`} value={stageFeedback[s.stage] ?? ""} onChange={(e) => setStageFeedback((x) => ({ ...x, [s.stage]: e.target.value }))} rows={2} className={inputClass} />
          </div>
        ))}

      <div className="space-y-1">
        <label htmlFor="overall-feedback" className="block text-sm font-medium">
          Overall feedback
        </label>
        <textarea
          id="overall-feedback"
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
          rows={5}
          maxLength={20000}
          className={inputClass}
          aria-invalid={fieldError("feedback") ? true : undefined}
          aria-describedby={fieldError("feedback") ? "overall-feedback-error" : "overall-feedback-hint"}
        />
        <p id="overall-feedback-hint" className="text-xs text-slate-500">
          Required when you request changes or fail the attempt. The learner sees it after you submit.
        </p>
        {fieldError("feedback") && (
          <p id="overall-feedback-error" className="text-sm text-red-700">
            {fieldError("feedback")}
          </p>
        )}
      </div>

      <section aria-labelledby="anchors-h" className="space-y-2">
        <h3 id="anchors-h" className="text-sm font-semibold text-slate-900">Remarks on the evidence</h3>
        <p className="text-xs text-slate-600">Pin a remark to lines of a log, a region of a screenshot or a page of a PDF; the learner sees it in place.</p>
        <AnchorEditor files={p.files} criteria={p.criteria.map((c) => ({ key: c.key, title: c.title }))} value={anchors} onChange={setAnchors} errors={error?.fields} />
      </section>
      <RecipePicker recipes={p.recipes} suggested={p.suggested} picked={picked} onChange={setPicked} error={Object.entries(error?.fields ?? {}).find(([k]) => k.startsWith("recommended_recipes"))?.[1]} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Outcome</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {OUTCOMES.map((o) => {
            const blocked = o.value === "approved" && complete && !result.passed;
            return (
              <label
                key={o.value}
                className={cx(
                  "flex cursor-pointer gap-2 rounded-lg border p-3 text-sm focus-within:ring-2 focus-within:ring-brand-500",
                  outcome === o.value ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white",
                  blocked && "opacity-60",
                )}
              >
                <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} disabled={blocked} onChange={() => setOutcome(o.value)} className="mt-1" />
                <span>
                  <span className="font-medium">{o.label}</span>
                  <span className="block text-xs text-slate-600">{blocked ? "Not available: the score does not pass." : o.help}</span>
                </span>
              </label>
            );
          })}
        </div>
        {fieldError("outcome") && <p className="text-sm text-red-700">{fieldError("outcome")}</p>}
        {complete && !result.passed && result.failReasons.length > 0 && <p className="text-xs text-slate-600">{result.failReasons.join(" ")}</p>}
      </fieldset>

      {error && (
        <Alert tone={error.status === 409 ? "red" : "amber"} title={error.status === 409 ? "Someone else got there first" : "The review was not saved"}>
          <p>{error.message}</p>
          {error.fields && Object.keys(error.fields).length > 0 && error.status !== 409 && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(error.fields).map(([k, v]) => (
                <li key={k}>{v}</li>
              ))}
            </ul>
          )}
          {error.status === 409 && (
            <Button type="button" variant="secondary" className="mt-2" onClick={() => router.refresh()}>
              Reload the submission
            </Button>
          )}
        </Alert>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Submit review"}
        </Button>
        <span className="text-xs text-slate-500">If someone else reviews it first, you will be told before anything is overwritten.</span>
      </div>
    </form>
  );
}
