"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ModerationView } from "@/lib/reviews/moderation";
import { Alert, Button } from "@/components/ui";
import { OUTCOME_LABEL } from "./format";

/** The moderator's pick: a level per criterion (either mentor's or another), the base review, outcome and feedback. */
export function ModerationForm({ view }: { view: ModerationView }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [base, setBase] = useState<"first" | "second">("first");
  const baseMark = view.marks.find((m) => m.round === (base === "first" ? 1 : 2));
  const [levels, setLevels] = useState<Record<string, number>>(() => Object.fromEntries(view.criteria.map((c) => [c.key, c.first ?? c.second ?? 0])));
  const [outcome, setOutcome] = useState<string>(view.marks[0]?.outcome ?? "approved");
  const [feedback, setFeedback] = useState<string>(view.marks[0]?.feedback ?? "");
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  function chooseBase(b: "first" | "second") {
    setBase(b);
    const m = view.marks.find((x) => x.round === (b === "first" ? 1 : 2));
    if (m) {
      setOutcome(m.outcome);
      setFeedback(m.feedback);
      setLevels(Object.fromEntries(view.criteria.map((c) => [c.key, (b === "first" ? c.first : c.second) ?? 0])));
    }
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      setError(null);
      const body = { version: view.version, base, scores: view.criteria.map((c) => ({ criterion: c.key, level: levels[c.key] })), outcome, feedback };
      const res = await fetch(`/api/v1/reviews/${view.progress_id}/moderation`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.status === 201) {
        router.push(`/review?reviewed=${view.progress_id}`);
        router.refresh();
        return;
      }
      const j = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
      setError({ message: j?.error?.message ?? "Something went wrong on our side. Try again.", fields: j?.error?.fields ?? {} });
    });
  }

  return (
    <form onSubmit={submit} className="space-y-5" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading" className="text-lg font-semibold">
        Final marks
      </h2>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">Start from the review of</legend>
        {view.marks.map((m) => (
          <label key={m.round} className="flex items-center gap-2">
            <input type="radio" name="base" checked={base === (m.round === 1 ? "first" : "second")} onChange={() => chooseBase(m.round === 1 ? "first" : "second")} />
            {m.mentor.name} ({m.round === 1 ? "first" : "second"} mentor): their feedback, recipes and anchored remarks
          </label>
        ))}
      </fieldset>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="sr-only">Level per criterion: each mentor&apos;s and the final pick</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-2 pr-3">Criterion</th>
              <th scope="col" className="py-2 pr-3">{view.marks[0]?.mentor.name ?? "First"}</th>
              <th scope="col" className="py-2 pr-3">{view.marks[1]?.mentor.name ?? "Second"}</th>
              <th scope="col" className="py-2">Final level</th>
            </tr>
          </thead>
          <tbody>
            {view.criteria.map((c) => {
              const differs = c.first !== c.second;
              return (
                <tr key={c.key} className={`border-b border-slate-100 ${differs ? "bg-amber-50" : ""}`}>
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    {c.title}
                    {differs && <span className="ml-2 text-xs font-normal text-amber-800">differs</span>}
                  </th>
                  <td className="py-2 pr-3">{c.first === null ? "—" : c.levels[c.first]?.label}</td>
                  <td className="py-2 pr-3">{c.second === null ? "—" : c.levels[c.second]?.label}</td>
                  <td className="py-2">
                    <select
                      aria-label={`Final level for ${c.title}`}
                      className="rounded-md border border-slate-300 px-2 py-1"
                      value={levels[c.key]}
                      onChange={(e) => setLevels({ ...levels, [c.key]: Number(e.target.value) })}
                    >
                      {c.levels.map((l) => (
                        <option key={l.index} value={l.index}>
                          {l.label} ({l.points}/{c.max_points})
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label className="block text-sm">
        <span className="font-medium">Outcome</span>
        <select aria-label="Outcome" className="mt-1 block rounded-md border border-slate-300 px-2 py-1" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {Object.entries(OUTCOME_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium">Feedback to the learner</span>
        <textarea aria-label="Feedback to the learner" className="mt-1 block w-full rounded-md border border-slate-300 p-2" rows={5} value={feedback} onChange={(e) => setFeedback(e.target.value)} />
        <span className="text-xs text-slate-500">Starts as {baseMark?.mentor.name ?? "the mentor"}&apos;s feedback; the review is released under their name.</span>
      </label>
      {error && (
        <Alert tone="red" title="Not released">
          {error.message}
          {Object.entries(error.fields).map(([k, v]) => (
            <span key={k} className="block">
              {k}: {v}
            </span>
          ))}
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Releasing…" : "Release the final review"}
      </Button>
    </form>
  );
}
