"use client";
import { useState } from "react";
import { Alert, Badge, Button } from "@/components/ui";
import { STATE_LABEL } from "@/components/missions/format";
import { api, type Problem } from "./use-draft";

// Version diff and regrade impact before publishing (SPEC §7): what changes against the published
// version, the attempts affected by state, and the choice to re-run the pre-score of submissions
// waiting for review.

interface Keyed { added: string[]; removed: string[]; changed: string[] }
interface Impact {
  published_version: number | null;
  changes: { fields: string[]; stages: Keyed; weights: { stage: string; from: number; to: number }[]; answers: { stage: string; change: string }[]; hints: { stage: string; change: string }[]; rubric: Keyed; decisions: Keyed; graph_changed: boolean; changed: boolean };
  attempts: { total: number; by_state: Record<string, number>; rescorable: number };
}

function KeyedLine({ label, k }: { label: string; k: Keyed }) {
  if (!k.added.length && !k.removed.length && !k.changed.length) return null;
  return (
    <li>
      <strong>{label}:</strong> {[k.added.length && `added ${k.added.join(", ")}`, k.removed.length && `removed ${k.removed.join(", ")}`, k.changed.length && `changed ${k.changed.join(", ")}`].filter(Boolean).join("; ")}
    </li>
  );
}

export function PublishPanel({ base, version, beforePublish, onPublished }: { base: string; version: number; beforePublish: () => Promise<void>; onPublished: (draftVersion: number, version: number, audit: { id: string; at: string; by: { name: string } | null } | null) => void }) {
  const [impact, setImpact] = useState<Impact | null>(null);
  const [message, setMessage] = useState<{ tone: "green" | "red"; text: string; problems?: Problem[] } | null>(null);
  const [rescore, setRescore] = useState(false);
  const [busy, setBusy] = useState(false);

  const review = async () => {
    setBusy(true);
    await beforePublish();
    const r = await api<Impact>(`${base}/impact`);
    setBusy(false);
    if (r.ok) setImpact(r.json);
    else setMessage({ tone: "red", text: r.json.error?.message ?? "Could not compare.", problems: r.json.error?.problems });
  };
  const publish = async () => {
    setBusy(true);
    await beforePublish();
    const r = await api<{ version: number; draft_version: number; rescored?: number; outcome: string; audit: { id: string; at: string; by: { name: string } | null } | null }>(`${base}/publish`, { method: "POST", body: JSON.stringify({ rescore, draft_version: version }) });
    setBusy(false);
    if (r.ok) {
      const what = r.json.outcome === "unchanged" ? `Nothing new to publish: version ${r.json.version} is current.` : `Published version ${r.json.version}.`;
      setMessage({ tone: "green", text: `${what}${r.json.rescored ? ` Pre-score re-run for ${r.json.rescored} submission(s).` : ""}` });
      setImpact(null);
      onPublished(r.json.draft_version, r.json.version, r.json.audit);
    } else setMessage({ tone: "red", text: r.json.error?.message ?? "Could not publish.", problems: r.json.error?.problems });
  };

  const c = impact?.changes;
  return (
    <div className="space-y-3">
      {message && (
        <Alert tone={message.tone}>
          {message.text}
          {message.problems && message.problems.length > 0 && <ul className="mt-1 list-disc pl-5">{message.problems.slice(0, 8).map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}</ul>}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={review} disabled={busy}>Review changes</Button>
        <Button type="button" onClick={publish} disabled={busy}>{busy ? "Working…" : "Publish"}</Button>
      </div>
      {impact && c && (
        <div className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm" aria-label="Changes against the published version">
          <p className="font-medium">{impact.published_version ? `Against published version ${impact.published_version}` : "Not published yet: everything is new."}</p>
          {!c.changed ? (
            <p>No changes.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {c.fields.length > 0 && <li><strong>Fields:</strong> {c.fields.join(", ")}</li>}
              <KeyedLine label="Stages" k={c.stages} />
              {c.weights.map((w) => <li key={w.stage}><strong>Weight</strong> of {w.stage}: {w.from} → {w.to}</li>)}
              {c.answers.map((a) => <li key={a.stage}><strong>Answer check</strong> of {a.stage} {a.change}</li>)}
              {c.hints.map((h) => <li key={h.stage}><strong>Hints</strong> of {h.stage} {h.change}</li>)}
              <KeyedLine label="Rubric" k={c.rubric} />
              <KeyedLine label="Decisions" k={c.decisions} />
              {c.graph_changed && <li>The graph changed: learners&apos; paths may differ.</li>}
            </ul>
          )}
          <p className="font-medium">Attempts: {impact.attempts.total}</p>
          <ul className="flex flex-wrap gap-1">{Object.entries(impact.attempts.by_state).map(([s, n]) => <li key={s}><Badge>{STATE_LABEL[s] ?? s}: {n}</Badge></li>)}</ul>
          <p className="text-slate-600">Attempts keep the version they started on.</p>
          {impact.attempts.rescorable > 0 && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={rescore} onChange={(e) => setRescore(e.target.checked)} className="h-4 w-4" />
              Re-run the pre-score of {impact.attempts.rescorable} submission(s) waiting for review
            </label>
          )}
        </div>
      )}
    </div>
  );
}
