"use client";

import type { SubmissionDetail } from "@/lib/reviews/submission";
import { Badge } from "@/components/ui";

export type AiItem = NonNullable<SubmissionDetail["ai_suggestions"]>["items"][number];
export type AiChoice = "accepted" | "edited" | "rejected";

/** One AI suggestion under its criterion: labelled as AI, with the evidence it quoted; the mentor accepts, edits or rejects it. */
export function AiSuggestion({ item, levelLabel, choice, onChoose }: { item: AiItem; levelLabel: string; choice: AiChoice | undefined; onChoose: (c: AiChoice) => void }) {
  return (
    <div className="rounded-lg border border-purple-200 bg-purple-50 p-2 text-xs" data-testid={`ai-${item.criterion}`}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone="purple">AI suggestion</Badge>
        <span className="font-medium text-slate-900">{levelLabel}</span>
        {choice && <span className="text-purple-900">· {choice}</span>}
      </p>
      <p className="mt-1 text-slate-800">{item.remark}</p>
      {item.evidence.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-slate-600">
          {item.evidence.map((e, i) => (
            <li key={i}>
              <span className="text-slate-500">{e.evidence_id ? "file" : `stage ${e.stage}`}: </span>
              <q>{e.quote}</q>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex flex-wrap gap-2">
        {(["accepted", "edited", "rejected"] as const).map((c) => (
          <button
            key={c}
            type="button"
            onClick={() => onChoose(c)}
            aria-pressed={choice === c}
            className="rounded-md border border-purple-300 bg-white px-2 py-1 font-medium text-purple-900 hover:bg-purple-100 aria-pressed:bg-purple-200"
          >
            {c === "accepted" ? "Accept" : c === "edited" ? "Use and edit" : "Reject"}
          </button>
        ))}
      </p>
    </div>
  );
}
