"use client";
import { useCallback, useState } from "react";
import { RECIPE_DIFFICULTIES, RECIPE_TYPES } from "@/lib/db/schema/enums";
import { Alert, Badge, Button, Card } from "@/components/ui";
import { CheckField, LinesField, MarkdownField, NumberField, ProblemsContext, SelectField, TagsField, TextField, fieldId } from "./fields";
import { SAVE_LABEL } from "./mission-editor";
import { ProblemList } from "./problem-list";
import type { RecipeDraft } from "./types";
import { api, useDraft } from "./use-draft";
import { ConflictBanner } from "./conflict-banner";

// The recipe editor: steps (commands, expected outcomes, evidence hints), prerequisites, related
// recipes and context links, with the same draft, validate and publish flow as missions.

type Step = NonNullable<RecipeDraft["steps"]>[number];
type Link = NonNullable<RecipeDraft["links"]>[number];

export function RecipeEditor({ slug, publishedVersion, initial, draftVersion, skills, recipes, missions }: { slug: string; publishedVersion: number | null; initial: RecipeDraft; draftVersion: number; skills: readonly string[]; recipes: readonly string[]; missions: readonly string[] }) {
  const base = `/api/v1/admin/studio/recipes/${slug}`;
  const d = useDraft<RecipeDraft>({ base, field: "recipe", initial, initialVersion: draftVersion });
  const { update } = d;
  const edit = useCallback((fn: (r: RecipeDraft) => void) => update((r) => { const c = structuredClone(r); fn(c); return c; }), [update]);
  const [published, setPublished] = useState(publishedVersion);
  const [message, setMessage] = useState<{ tone: "green" | "red"; text: string } | null>(null);
  const [impact, setImpact] = useState<{ changes: { fields: string[]; steps: { added: number; removed: number; changed: number[] }; changed: boolean }; learners: { total: number; by_state: Record<string, number> } } | null>(null);
  const review = async () => {
    await d.flush();
    const res = await api<NonNullable<typeof impact>>(`${base}/impact`);
    if (res.ok) setImpact(res.json);
    else setMessage({ tone: "red", text: res.json.error?.message ?? "Could not compare." });
  };
  const r = d.doc;
  const steps = r.steps ?? [];
  const links = r.links ?? [];
  const others = recipes.filter((x) => x !== slug);

  const publish = async () => {
    await d.flush();
    const res = await api<{ version: number; draft_version: number }>(`${base}/publish`, { method: "POST", body: JSON.stringify({ draft_version: d.version }) });
    if (res.ok) {
      setPublished(res.json.version);
      d.setVersion(res.json.draft_version);
      setMessage({ tone: "green", text: `Published version ${res.json.version}.` });
    } else setMessage({ tone: "red", text: res.json.error?.message ?? "Could not publish." });
  };
  const step = (i: number, fn: (s: Step) => void) => edit((x) => fn(x.steps![i]));
  const link = (i: number, fn: (l: Link) => void) => edit((x) => fn(x.links![i]));

  return (
    <ProblemsContext.Provider value={d.problems ?? []}>
      <div className="mb-4">
        <p className="text-sm text-slate-500"><a href="/admin/studio" className="underline">Studio</a> / {slug}</p>
        <h1 className="text-2xl font-semibold">{r.title || slug}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={published ? "green" : "amber"}>{published ? `published v${published}` : "draft"}</Badge>
          <span role="status">{SAVE_LABEL[d.state]} · draft {d.version}</span>
        </p>
      </div>
      <ConflictBanner conflict={d.conflict} onOverwrite={d.overwrite} onReload={d.reload} />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">Recipe</h2>
            <TextField path="title" label="Title" value={r.title} onChange={(v) => edit((x) => void (x.title = v))} />
            <TextField path="summary" label="Summary (≤ 500 characters)" value={r.summary} onChange={(v) => edit((x) => void (x.summary = v))} />
            <MarkdownField path="description" label="What it solves" value={r.description} onChange={(v) => edit((x) => void (x.description = v))} />
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField path="type" label="Type" value={r.type} options={RECIPE_TYPES.map((t) => ({ value: t, label: t }))} onChange={(v) => edit((x) => void (x.type = v as RecipeDraft["type"]))} />
              <SelectField path="difficulty" label="Difficulty" value={r.difficulty} options={RECIPE_DIFFICULTIES.map((t) => ({ value: t, label: t }))} onChange={(v) => edit((x) => void (x.difficulty = v as RecipeDraft["difficulty"]))} />
              <NumberField path="estimated_minutes" label="Minutes (5–60)" min={5} max={60} value={r.estimated_minutes} onChange={(v) => edit((x) => void (x.estimated_minutes = v ?? undefined))} />
            </div>
            <TagsField path="skills" label="Skills" vocabulary={skills} value={r.skills} onChange={(v) => edit((x) => void (x.skills = v))} />
            <TagsField path="tools" label="Tools" vocabulary={[]} value={r.tools} onChange={(v) => edit((x) => void (x.tools = v))} />
            <TagsField path="prerequisites" label="Prerequisite recipes" vocabulary={others} value={r.prerequisites} onChange={(v) => edit((x) => void (x.prerequisites = v))} />
            <TagsField path="related" label="Related recipes" vocabulary={others} value={r.related} onChange={(v) => edit((x) => void (x.related = v))} />
            <LinesField path="inputs" label="Inputs" value={r.inputs} onChange={(v) => edit((x) => void (x.inputs = v))} />
            <TextField path="environment" label="Environment" value={r.environment} onChange={(v) => edit((x) => void (x.environment = v))} />
            <LinesField path="validation_checks" label="How the learner checks they did it right" value={r.validation_checks} onChange={(v) => edit((x) => void (x.validation_checks = v))} />
            <CheckField path="mentor_curated" label="Curated by a mentor" checked={r.mentor_curated} onChange={(v) => edit((x) => void (x.mentor_curated = v))} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold" id={fieldId("steps")} tabIndex={-1}>Steps</h2>
            {steps.map((s, i) => (
              <fieldset key={i} className="space-y-2 rounded-lg border border-slate-200 p-3" id={fieldId(`steps[${i}]`)} tabIndex={-1}>
                <legend className="px-1 text-sm font-semibold">Step {i + 1}</legend>
                <TextField path={`steps[${i}].title`} label="Title" value={s.title} onChange={(v) => step(i, (x) => void (x.title = v))} />
                <MarkdownField path={`steps[${i}].body`} label="What to do" rows={4} value={s.body} onChange={(v) => step(i, (x) => void (x.body = v))} />
                <TextField path={`steps[${i}].command`} label="Command (optional)" mono value={s.command} onChange={(v) => step(i, (x) => void (x.command = v || undefined))} />
                <TextField path={`steps[${i}].expected_outcome`} label="Expected outcome" value={s.expected_outcome} onChange={(v) => step(i, (x) => void (x.expected_outcome = v))} />
                <TextField path={`steps[${i}].evidence_hint`} label="Evidence hint (optional)" value={s.evidence_hint} onChange={(v) => step(i, (x) => void (x.evidence_hint = v || undefined))} />
                <Button type="button" variant="ghost" onClick={() => edit((x) => void x.steps!.splice(i, 1))}>Remove step</Button>
              </fieldset>
            ))}
            <Button type="button" variant="secondary" onClick={() => edit((x) => void (x.steps = [...(x.steps ?? []), { title: "", body: "", expected_outcome: "" }]))}>Add step</Button>
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Context links</h2>
            {links.length === 0 && <p className="text-sm text-slate-600">Not linked to a mission stage or a Foundations module yet.</p>}
            {links.map((l, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_6rem_auto] sm:items-end">
                <SelectField path={`links[${i}].mission`} label="Mission" value={l.mission ?? ""} options={[{ value: "", label: "—" }, ...missions.map((m) => ({ value: m, label: m }))]} onChange={(v) => link(i, (x) => void (x.mission = v || undefined))} />
                <TextField path={`links[${i}].stage`} label="Stage key" mono value={l.stage} onChange={(v) => link(i, (x) => void (x.stage = v || undefined))} />
                <TextField path={`links[${i}].module`} label="…or Foundations module" mono value={l.module} onChange={(v) => link(i, (x) => void (x.module = v || undefined))} />
                <NumberField path={`links[${i}].order`} label="Order" min={0} value={l.order ?? 0} onChange={(v) => link(i, (x) => void (x.order = v ?? 0))} />
                <Button type="button" variant="ghost" onClick={() => edit((x) => void x.links!.splice(i, 1))}>Remove</Button>
              </div>
            ))}
            <Button type="button" variant="secondary" onClick={() => edit((x) => void (x.links = [...(x.links ?? []), { mission: missions[0] }]))}>Add link</Button>
          </Card>
          <Card className="space-y-3" id="publish">
            <h2 className="text-lg font-semibold">Publish</h2>
            {message && <Alert tone={message.tone}>{message.text}</Alert>}
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={review}>Review changes</Button>
              <Button type="button" onClick={publish}>Publish</Button>
            </div>
            {impact && (
              <div className="rounded-lg border border-slate-200 p-3 text-sm" aria-label="Changes against the published version">
                {!impact.changes.changed ? <p>No changes.</p> : (
                  <ul className="list-disc pl-5">
                    {impact.changes.fields.length > 0 && <li>Fields: {impact.changes.fields.join(", ")}</li>}
                    {impact.changes.steps.added > 0 && <li>{impact.changes.steps.added} step(s) added</li>}
                    {impact.changes.steps.removed > 0 && <li>{impact.changes.steps.removed} step(s) removed</li>}
                    {impact.changes.steps.changed.length > 0 && <li>Changed steps: {impact.changes.steps.changed.map((i) => i + 1).join(", ")}</li>}
                  </ul>
                )}
                <p className="mt-2">Learners who opened it: {impact.learners.total} ({impact.learners.by_state.in_progress ?? 0} part-way, {impact.learners.by_state.completed ?? 0} done). They see the new text once published.</p>
              </div>
            )}
          </Card>
        </div>
        <aside className="lg:sticky lg:top-4">
          <Card>
            <h2 className="mb-2 font-semibold">Problems</h2>
            <ProblemList problems={d.problems} />
          </Card>
        </aside>
      </div>
    </ProblemsContext.Provider>
  );
}
