"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/api/action";
import { selfCheckAction } from "@/app/foundations/actions";
import { Alert, Button, cx } from "@/components/ui";

interface Question {
  id: string;
  prompt: string;
  choices: { id: string; text: string }[];
}
interface Result {
  question_id: string;
  chosen: string | null;
  correct: boolean;
  feedback: string;
}

/** The module's self-check: radios per question; the server grades it and returns feedback per answer. */
export function SelfCheckForm({ module, questions, done }: { module: string; questions: Question[]; done: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(selfCheckAction, {});
  const results = new Map(((state.data?.results as Result[] | undefined) ?? []).map((r) => [r.question_id, r]));
  const passed = state.data?.passed === true;
  return (
    <form action={formAction} className="space-y-5" aria-describedby="self-check-help">
      <input type="hidden" name="module" value={module} />
      <p id="self-check-help" className="text-sm text-slate-600">
        {done ? "You passed this self-check. Answer again any time to refresh your memory." : "Answer every question; you pass with 80% right, and passing marks the module done. Each answer gets its own feedback."}
      </p>
      <ol className="space-y-5">
        {questions.map((q, i) => {
          const r = results.get(q.id);
          return (
            <li key={q.id}>
              <fieldset className="min-w-0 rounded-lg border border-slate-200 p-3 sm:p-4">
                <legend className="px-1 text-sm font-semibold text-slate-900">
                  {i + 1}. {q.prompt}
                </legend>
                <div className="mt-2 space-y-2">
                  {q.choices.map((c) => {
                    const chosen = r?.chosen === c.id || (!r && state.values?.[`answer.${q.id}`] === c.id);
                    return (
                      <label key={c.id} className={cx("flex cursor-pointer items-start gap-2 rounded-md p-2 text-sm text-slate-800 hover:bg-slate-50", chosen && r && (r.correct ? "bg-green-50" : "bg-red-50"))}>
                        <input type="radio" name={`answer.${q.id}`} value={c.id} defaultChecked={chosen} required className="mt-0.5 h-4 w-4 shrink-0" />
                        <span className="min-w-0 break-words">{c.text}</span>
                      </label>
                    );
                  })}
                </div>
                {r && (
                  <p role="status" className={cx("mt-2 rounded-md px-3 py-2 text-sm", r.correct ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900")}>
                    <span className="font-semibold">{r.correct ? "Correct. " : r.chosen ? "Not quite. " : ""}</span>
                    {r.feedback}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {state.message && (
        <Alert tone={state.ok ? (passed ? "green" : "amber") : "red"} title={passed ? "Self-check passed" : state.ok ? "Not passed yet" : "Could not check"}>
          {state.message}
        </Alert>
      )}
      <Button type="submit" disabled={pending}>{pending ? "Checking…" : results.size ? "Check again" : "Check my answers"}</Button>
    </form>
  );
}
