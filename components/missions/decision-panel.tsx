"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button } from "@/components/ui";
import { api, ApiError } from "./api-client";

/**
 * `code` spans of a consequence just chosen, until the page's refresh brings it rendered by the
 * server (prompts, choices and consequences are inline markdown, rendered in `rendered`).
 */
function Inline({ text }: { text: string }) {
  return <>{text.split(/(`[^`]+`)/g).map((part, i) => (part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <code key={i} className="rounded bg-white/70 px-1 font-mono text-[0.9em]">{part.slice(1, -1)}</code> : part))}</>;
}

/** The decision without its prompt, which arrives rendered (and only once) in `rendered`. */
interface Decision {
  key: string;
  after_stage: string;
  choices: { id: string; label: string }[];
  chosen: { choice_id: string; label: string; consequence: string; next_stage: string } | null;
}

/** The Decision Engine: the prompt, the choices, then the consequence. A decision is final. */
/** The decision's texts rendered on the server: the prompt, each choice's label by id, the consequence once chosen. */
interface Rendered {
  prompt: ReactNode;
  choices: Record<string, ReactNode>;
  consequence: ReactNode | null;
}

export function DecisionPanel({ code, decision, rendered, stageTitles, pathSoFar }: { code: string; decision: Decision; rendered: Rendered; stageTitles: Record<string, string>; pathSoFar: { key: string; title: string; choice: string | null }[] }) {
  const router = useRouter();
  const [choice, setChoice] = useState<string>("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState(decision.chosen);
  if (made) {
    return (
      <section aria-labelledby={`d-${decision.key}`} className="rounded-xl border-2 border-blue-200 bg-blue-50 p-5">
        <h2 id={`d-${decision.key}`} className="text-lg font-semibold text-slate-900">Decision made</h2>
        <p className="mt-1 text-sm text-slate-700">{rendered.prompt}</p>
        <p className="mt-3 font-medium text-slate-900">You chose: {rendered.choices[made.choice_id] ?? made.label}</p>
        <div className="mt-2 rounded-md bg-white p-3 text-slate-800" role="status">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Consequence</p>
          <p className="mt-1 whitespace-pre-line">{rendered.consequence ?? <Inline text={made.consequence} />}</p>
        </div>
        <div className="mt-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Your path so far</p>
          <ol className="mt-1 flex flex-wrap items-center gap-x-1 gap-y-1 text-sm text-slate-800" aria-label="Your path so far">
            {pathSoFar.map((s, i) => (
              <li key={s.key} className="flex items-center gap-1">
                {i > 0 && <span aria-hidden="true" className="text-slate-400">→</span>}
                <span className="rounded bg-white px-1.5 py-0.5">{s.title}</span>
                {s.choice && <span className="text-xs text-blue-800">◆ {s.choice}</span>}
              </li>
            ))}
            {made.next_stage !== "end" && (
              <li className="flex items-center gap-1">
                <span aria-hidden="true" className="text-slate-400">→</span>
                <span className="rounded border border-dashed border-blue-300 px-1.5 py-0.5 text-blue-900">{stageTitles[made.next_stage] ?? made.next_stage}</span>
              </li>
            )}
          </ol>
        </div>
        <div className="mt-4">
          {made.next_stage === "end" ? (
            <Button type="button" onClick={() => router.push(`/missions/${code}/reflection`)}>Your path ends here — write the reflection</Button>
          ) : (
            <Button type="button" onClick={() => { router.push(`/missions/${code}/play?stage=${made.next_stage}`); router.refresh(); }}>
              Continue to “{stageTitles[made.next_stage] ?? made.next_stage}”
            </Button>
          )}
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby={`d-${decision.key}`} className="rounded-xl border-2 border-amber-300 bg-amber-50 p-5">
      <h2 id={`d-${decision.key}`} className="text-lg font-semibold text-slate-900">Decision point</h2>
      <form
        className="mt-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!choice) return setError("Pick one of the choices.");
          setPending(true);
          setError(null);
          try {
            const r = await api<{ choice_id: string; label: string; consequence: string; next_stage: string }>(`/missions/${code}/decisions/${decision.key}/choose`, { method: "POST", body: { choice_id: choice } });
            setMade(r);
            // Stay on the stage the decision follows so the consequence can be read before moving on
            // (without ?stage= the page would open the next stage straight away).
            router.replace(`/missions/${code}/play?stage=${decision.after_stage}`, { scroll: false });
            router.refresh();
          } catch (err) {
            setError(err instanceof ApiError ? err.message : "Could not record the decision.");
          } finally {
            setPending(false);
          }
        }}
      >
        <fieldset>
          <legend className="whitespace-pre-line text-slate-900">{rendered.prompt}</legend>
          <div className="mt-3 space-y-2">
            {decision.choices.map((c) => (
              <label key={c.id} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-100">
                <input type="radio" name="choice" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} className="mt-1" />
                <span className="text-slate-900">{rendered.choices[c.id] ?? c.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="mt-3 text-sm text-slate-700">Decisions are final for this attempt and change which stages come next.</p>
        {error && <Alert tone="red" className="mt-3">{error}</Alert>}
        <Button type="submit" className="mt-3" disabled={pending}>{pending ? "Recording…" : "Commit to this decision"}</Button>
      </form>
    </section>
  );
}
