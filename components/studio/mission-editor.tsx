"use client";
import { useCallback, useState, type ReactNode } from "react";
import { Alert, Badge, Button, ButtonLink, Card } from "@/components/ui";
import { DecisionSection } from "./decision-section";
import { ProblemsContext } from "./fields";
import { OverviewSection } from "./overview-section";
import { ProblemList } from "./problem-list";
import { PreviewPanel } from "./preview-panel";
import { PublishPanel } from "./publish-panel";
import { RubricSection } from "./rubric-section";
import { StagesSection } from "./stage-section";
import type { MissionDraft } from "./types";
import { useDraft, type SaveState } from "./use-draft";
import { ConflictBanner } from "./conflict-banner";

// The mission editor: every field of SPEC §2 in forms, saved as a draft while the author works,
// checked live by the same validation as publishing, with the graph, preview and publish beside.

export const SAVE_LABEL: Record<SaveState, string> = { saved: "All changes saved", dirty: "Unsaved changes…", saving: "Saving…", error: "Not saved", conflict: "Not saved: conflict" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card>
      <h2 id={id} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

export interface HistoryEntry {
  id: string;
  version: number;
  at: string;
  by: string | null;
}

export function MissionEditor({ code, status, publishedVersion, initial, draftVersion, skills, recipes, history }: { code: string; status: string; publishedVersion: number | null; initial: MissionDraft; draftVersion: number; skills: readonly string[]; recipes: readonly string[]; history: HistoryEntry[] }) {
  const base = `/api/v1/admin/studio/missions/${code}`;
  const d = useDraft<MissionDraft>({ base, field: "mission", initial, initialVersion: draftVersion });
  const [published, setPublished] = useState(publishedVersion);
  const [log, setLog] = useState(history);
  const { update } = d;
  const edit = useCallback((fn: (m: MissionDraft) => void) => update((m) => { const c = structuredClone(m); fn(c); return c; }), [update]);
  const m = d.doc;
  const problems = d.problems ?? [];
  return (
    <ProblemsContext.Provider value={problems}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500"><a href="/admin/studio" className="underline">Studio</a> / {code}</p>
          <h1 className="text-2xl font-semibold">{m.title || code}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={status === "published" ? "green" : "amber"}>{published ? `published v${published}` : "draft"}</Badge>
            <span role="status" className={d.state === "saved" ? "text-slate-600" : "text-amber-800"}>{SAVE_LABEL[d.state]} · draft {d.version}</span>
          </p>
        </div>
        <nav aria-label="Editor sections" className="flex flex-wrap gap-1 text-sm">
          {[["overview", "Overview"], ["stages", "Stages"], ["graph", "Decision graph"], ["rubric", "Rubric"], ["preview", "Preview"], ["publish", "Publish"]].map(([id, label]) => (
            <a key={id} href={`#${id}`} className="rounded px-2 py-1 hover:bg-slate-100">{label}</a>
          ))}
        </nav>
      </div>
      <ConflictBanner conflict={d.conflict} onOverwrite={d.overwrite} onReload={d.reload} />
      {d.error && <Alert tone="red" className="mb-4">{d.error}</Alert>}
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Section id="overview" title="Overview"><OverviewSection m={m} edit={edit} skills={skills} /></Section>
          <Section id="stages" title="Stages"><StagesSection m={m} edit={edit} skills={skills} recipes={recipes} /></Section>
          <Section id="graph" title="Decision graph"><DecisionSection m={m} edit={edit} problems={problems} /></Section>
          <Section id="rubric" title="Rubric"><RubricSection m={m} edit={edit} skills={skills} /></Section>
          <Section id="preview" title="Preview as a learner"><PreviewPanel base={base} beforePreview={d.flush} /></Section>
          <Section id="publish" title="Review and publish">
            <PublishPanel base={base} version={d.version} beforePublish={d.flush} onPublished={(draftVersion, version, audit) => {
                d.setVersion(draftVersion);
                setPublished(version);
                if (audit) setLog((l) => [{ id: audit.id, version, at: audit.at, by: audit.by?.name ?? null }, ...l]);
                void d.validate();
              }} />
            <h3 className="mt-4 text-sm font-semibold">Published versions</h3>
            {log.length === 0 ? (
              <p className="text-sm text-slate-600">Not published from the studio yet.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm text-slate-700" aria-label="Publishing history">
                {log.map((h) => <li key={h.id}>v{h.version} by {h.by ?? "a former admin"}, {h.at.slice(0, 16).replace("T", " ")} UTC</li>)}
              </ul>
            )}
          </Section>
        </div>
        <aside className="lg:sticky lg:top-4" aria-labelledby="problems-title">
          <Card>
            <h2 id="problems-title" className="mb-2 font-semibold">Problems</h2>
            <ProblemList problems={d.problems} />
            <div className="mt-3"><ButtonLink href="#publish" variant="secondary" className="w-full">Go to publish</ButtonLink></div>
          </Card>
        </aside>
      </div>
    </ProblemsContext.Provider>
  );
}
