"use client";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { tierLabel, trackLabel } from "@/lib/labels";
import { CheckField, LinesField, MarkdownField, NumberField, SelectField, TagsField, TextField } from "./fields";
import type { Edit, MissionDraft } from "./types";

// Every mission-level field of SPEC §2: story, objectives, skills, time limit, reflection and
// success criteria.

export function OverviewSection({ m, edit, skills }: { m: MissionDraft; edit: Edit<MissionDraft>; skills: readonly string[] }) {
  const sc = m.success_criteria ?? {};
  const stageKeys = (m.stages ?? []).map((s) => s.key).filter(Boolean);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField path="title" label="Title" value={m.title} onChange={(v) => edit((d) => void (d.title = v))} />
        <NumberField path="estimated_minutes" label="Estimated minutes" min={5} value={m.estimated_minutes} onChange={(v) => edit((d) => void (d.estimated_minutes = v ?? undefined))} />
        <SelectField path="track" label="Track" value={m.track} options={TRACKS.map((t) => ({ value: t, label: trackLabel(t) }))} onChange={(v) => edit((d) => void (d.track = v as MissionDraft["track"]))} />
        <SelectField path="tier" label="Tier" value={m.tier} options={TIERS.map((t) => ({ value: t, label: tierLabel(t) }))} onChange={(v) => edit((d) => void (d.tier = v as MissionDraft["tier"]))} />
      </div>
      <TextField path="summary" label="Summary (catalogue card)" value={m.summary} onChange={(v) => edit((d) => void (d.summary = v))} />
      <MarkdownField path="story" label="Story" value={m.story} onChange={(v) => edit((d) => void (d.story = v))} />
      <LinesField path="objectives" label="Objectives" value={m.objectives} onChange={(v) => edit((d) => void (d.objectives = v))} />
      <TagsField path="skills" label="Skills" value={m.skills} vocabulary={skills} onChange={(v) => edit((d) => void (d.skills = v))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField path="time_constraint_hours" label="Time limit (hours, empty for none)" min={0} step={0.5} value={m.time_constraint_hours} onChange={(v) => edit((d) => void (d.time_constraint_hours = v))} />
        <CheckField path="auto_submit_on_deadline" label="Submit automatically at the deadline" checked={m.auto_submit_on_deadline} onChange={(v) => edit((d) => void (d.auto_submit_on_deadline = v))} />
        <CheckField path="reflection_required" label="Reflection required" checked={m.reflection_required ?? true} onChange={(v) => edit((d) => void (d.reflection_required = v))} />
        <CheckField path="status" label="Archive it when published (hidden from the catalogue)" checked={m.status === "archived"} onChange={(v) => edit((d) => void (d.status = v ? "archived" : "draft"))} />
      </div>
      <TextField path="reflection_prompt" label="Reflection prompt" value={m.reflection_prompt} onChange={(v) => edit((d) => void (d.reflection_prompt = v))} />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Success criteria</legend>
        <NumberField path="success_criteria.min_score" label="Pass mark (0–100)" min={0} max={100} value={sc.min_score ?? 60} onChange={(v) => edit((d) => void (d.success_criteria = { ...sc, min_score: v ?? 0 }))} />
        <TagsField path="success_criteria.required_stages" label="Required stages" vocabulary={stageKeys} value={sc.required_stages} onChange={(v) => edit((d) => void (d.success_criteria = { ...sc, required_stages: v }))} />
        <LinesField path="success_criteria.items" label="What success looks like" value={sc.items} onChange={(v) => edit((d) => void (d.success_criteria = { ...sc, items: v }))} />
      </fieldset>
    </div>
  );
}
