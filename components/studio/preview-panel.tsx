"use client";
import { useState } from "react";
import { Alert, Badge, Button, inputClass } from "@/components/ui";
import { LiveMarkdown as Markdown } from "@/components/ui/markdown-render";
import { api } from "./use-draft";

// Preview: the draft played as a learner in the caller's sandbox (no gating, nothing recorded for
// analytics). Reset starts over; saving a new draft version starts over too.

interface View {
  state: {
    path: string[];
    current: { key: string; title: string; instructions: string; answer_prompt: string | null; has_answer: boolean } | null;
    pending_decision: { key: string; prompt: string; choices: { id: string; label: string }[] } | null;
    finished: boolean;
    hint_penalty: number;
    decision_delta: number;
  };
  feedback: { kind: string; verdict?: string; text: string } | null;
}

export function PreviewPanel({ base, beforePreview }: { base: string; beforePreview: () => Promise<void> }) {
  const [view, setView] = useState<View | null>(null);
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const send = async (body: object) => {
    await beforePreview();
    const r = await api<View>(`${base}/preview`, { method: "POST", body: JSON.stringify(body) });
    if (r.ok) {
      setView(r.json);
      setError(null);
      setAnswer("");
    } else setError(r.json.error?.message ?? "The preview could not start.");
  };
  const s = view?.state;
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => send({})}>{view ? "Refresh preview" : "Start preview"}</Button>
        {view && <Button type="button" variant="ghost" onClick={() => send({ reset: true })}>Reset preview</Button>}
      </div>
      {error && <Alert tone="red">{error}</Alert>}
      {view?.feedback && <Alert tone={view.feedback.verdict === "incorrect" ? "amber" : "blue"}>{view.feedback.verdict && <Badge className="mr-1">{view.feedback.verdict}</Badge>}{view.feedback.text}</Alert>}
      {s && (
        <div className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm">
          <p className="text-slate-600">Path: {s.path.join(" → ") || "—"} · hint penalty {s.hint_penalty} · decisions {s.decision_delta >= 0 ? "+" : ""}{s.decision_delta}</p>
          {s.finished && <p className="font-medium text-green-800">Finished: the learner would now write the reflection and submit.</p>}
          {s.current && (
            <div className="space-y-2">
              <h3 className="font-semibold">{s.current.title}</h3>
              <Markdown>{s.current.instructions}</Markdown>
              {s.current.has_answer && (
                <label className="block">
                  <span className="text-xs font-medium">{s.current.answer_prompt ?? "Answer"}</span>
                  <input value={answer} onChange={(e) => setAnswer(e.target.value)} className={inputClass} />
                </label>
              )}
              <div className="flex flex-wrap gap-2">
                <Button type="button" onClick={() => send({ action: { type: "complete_stage", stage: s.current!.key, ...(answer ? { answer } : {}) } })}>Complete stage</Button>
                <Button type="button" variant="ghost" onClick={() => send({ action: { type: "unlock_hint", stage: s.current!.key } })}>Unlock a hint</Button>
              </div>
            </div>
          )}
          {s.pending_decision && (
            <div className="space-y-2">
              <p className="font-semibold">{s.pending_decision.prompt}</p>
              <div className="flex flex-wrap gap-2">
                {s.pending_decision.choices.map((c) => <Button key={c.id} type="button" variant="secondary" onClick={() => send({ action: { type: "choose", decision: s.pending_decision!.key, choice_id: c.id } })}>{c.label}</Button>)}
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
