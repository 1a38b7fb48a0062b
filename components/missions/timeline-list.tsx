"use client";
import type { Moment } from "@/lib/attempts/timeline";

const ICON: Record<Moment["kind"], string> = {
  started: "▶",
  stage_entered: "→",
  stage_left: "←",
  stage_completed: "✓",
  wrong_answer: "✗",
  hint_unlocked: "✦",
  decision: "◆",
  tool: "⚙",
  evidence: "⊕",
  recipe_opened: "≡",
  nudge: "☞",
  reflection_saved: "✎",
  submitted: "⇪",
  abandoned: "⏸",
};

/** "14:05", in the learner's own time zone (the browser's). */
export const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** The attempt's moments, oldest first; with `onQuote`, each can be quoted (the reflection page). */
export function TimelineList({ moments, onQuote }: { moments: Moment[]; onQuote?: (m: Moment) => void }) {
  if (moments.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet: moments appear as you work through the stages.</p>;
  return (
    <ol className="max-h-[28rem] space-y-1.5 overflow-y-auto pr-1 text-sm" aria-label="Timeline of your attempt">
      {moments.map((m) => (
        <li key={m.id} className="flex items-start gap-2 rounded-md px-1 py-0.5 hover:bg-slate-50">
          <span aria-hidden="true" className="w-5 shrink-0 text-center">{ICON[m.kind]}</span>
          <span className="min-w-0 flex-1 text-slate-800">
            <time dateTime={m.at} className="mr-1.5 font-mono text-xs text-slate-500">{clock(m.at)}</time>
            {m.text}
            {m.decision && <span className="block text-xs text-slate-600">{m.decision.consequence}</span>}
          </span>
          {onQuote && (
            <button type="button" onClick={() => onQuote(m)} className="shrink-0 rounded px-1.5 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600" aria-label={`Quote: ${m.text}`}>
              Quote
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
