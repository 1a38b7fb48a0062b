"use client";
import { Button } from "@/components/ui";
import { NumberField, SelectField, TagsField, TextField, fieldId } from "./fields";
import type { Edit, MissionDraft } from "./types";

// Rubric criteria, Moodle-style: each tied to a stage or the whole mission, with a weight and
// ordered levels. Validate enforces Moodle's rules (two levels or more, not all equal, a maximum
// above zero); the form just makes them easy to meet.

export function RubricSection({ m, edit, skills }: { m: MissionDraft; edit: Edit<MissionDraft>; skills: readonly string[] }) {
  const rubric = m.rubric ?? [];
  const stages = [{ value: "", label: "Whole mission" }, ...(m.stages ?? []).map((s) => ({ value: s.key, label: s.title || s.key }))];
  return (
    <div className="space-y-3" id={fieldId("rubric")} tabIndex={-1}>
      {rubric.length === 0 && <p className="text-sm text-slate-600">No criteria yet. A mission needs at least one.</p>}
      {rubric.map((c, i) => {
        const at = `rubric[${i}]`;
        const cr = (fn: (x: typeof c) => void) => edit((d) => fn(d.rubric![i]));
        return (
          <fieldset key={i} className="space-y-2 rounded-lg border border-slate-200 p-3" id={fieldId(at)} tabIndex={-1}>
            <legend className="px-1 text-sm font-semibold">Criterion {i + 1}</legend>
            <div className="grid gap-2 sm:grid-cols-4">
              <TextField path={`${at}.key`} label="Key" mono value={c.key} onChange={(v) => cr((x) => void (x.key = v))} />
              <TextField path={`${at}.title`} label="Title" value={c.title} onChange={(v) => cr((x) => void (x.title = v))} />
              <SelectField path={`${at}.stage`} label="Stage" value={c.stage ?? ""} options={stages} onChange={(v) => cr((x) => void (x.stage = v || null))} />
              <NumberField path={`${at}.weight`} label="Weight" min={0} step={0.5} value={c.weight ?? 1} onChange={(v) => cr((x) => void (x.weight = v ?? 0))} />
            </div>
            <TagsField path={`${at}.skills`} label="Skills it measures" vocabulary={skills} value={c.skills} onChange={(v) => cr((x) => void (x.skills = v))} />
            <div id={fieldId(`${at}.levels`)} tabIndex={-1} className="space-y-2">
              {c.levels.map((l, j) => (
                <div key={j} className="grid gap-2 sm:grid-cols-[6rem_10rem_1fr_auto] sm:items-end">
                  <NumberField path={`${at}.levels[${j}].points`} label={`Level ${j + 1} points`} min={0} value={l.points} onChange={(v) => cr((x) => void (x.levels[j].points = v ?? 0))} />
                  <TextField path={`${at}.levels[${j}].label`} label="Label" value={l.label} onChange={(v) => cr((x) => void (x.levels[j].label = v))} />
                  <TextField path={`${at}.levels[${j}].descriptor`} label="Descriptor" value={l.descriptor} onChange={(v) => cr((x) => void (x.levels[j].descriptor = v))} />
                  <Button type="button" variant="ghost" onClick={() => cr((x) => void x.levels.splice(j, 1))}>Remove</Button>
                </div>
              ))}
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => cr((x) => void x.levels.push({ points: (x.levels.at(-1)?.points ?? -1) + 1, label: "", descriptor: "" }))}>Add level</Button>
              <Button type="button" variant="danger" onClick={() => edit((d) => void d.rubric!.splice(i, 1))}>Delete criterion</Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        type="button"
        variant="secondary"
        onClick={() =>
          edit((d) => void (d.rubric = [...(d.rubric ?? []), { key: `criterion-${(d.rubric ?? []).length + 1}`, title: "", stage: null, levels: [{ points: 0, label: "Missing", descriptor: "Not done" }, { points: 2, label: "Good", descriptor: "" }] }]))
        }
      >
        Add criterion
      </Button>
    </div>
  );
}
