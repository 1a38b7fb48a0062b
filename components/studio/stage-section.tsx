"use client";
import { useContext, useState } from "react";
import { EVIDENCE_KINDS, type AnswerCheck } from "@/lib/content/schemas";
import { checkAnswer } from "@/lib/missions/prescore";
import { Badge, Button, cx, inputClass } from "@/components/ui";
import { CheckField, MarkdownField, NumberField, ProblemsContext, SelectField, TagsField, TextField, fieldId } from "./fields";
import type { Edit, MissionDraft, StageDraft } from "./types";

// Stages: instructions, evidence rule, weight, the answer check with a tester that uses the
// pre-score's own matching (so "correct" here is "correct" on submit), hints with penalties and
// the recipes the author recommends.

const ANSWER_KINDS = [
  { value: "", label: "No answer check" },
  { value: "exact", label: "Exact value" },
  { value: "regex", label: "Pattern (regular expression)" },
  { value: "set", label: "Set of values" },
];

function AnswerTester({ check }: { check: AnswerCheck }) {
  const [given, setGiven] = useState("");
  let verdict: ReturnType<typeof checkAnswer> | null = null;
  try {
    verdict = given ? checkAnswer(check, given) : null;
  } catch {
    verdict = null;
  }
  const tone = verdict?.verdict === "correct" ? "green" : verdict?.verdict === "partial" ? "amber" : "red";
  return (
    <div className="rounded-md bg-slate-50 p-2">
      <label className="block text-xs font-medium text-slate-700">
        Try an answer
        <input value={given} onChange={(e) => setGiven(e.target.value)} className={cx(inputClass, "mt-1")} placeholder="What a learner might type" />
      </label>
      <p className="mt-1 text-xs" aria-live="polite">{verdict ? <><Badge tone={tone}>{verdict.verdict}</Badge> {verdict.reason}</> : "The verdict appears here as you type."}</p>
    </div>
  );
}

function StageCard({ s, i, edit, skills, recipes, count }: { s: StageDraft; i: number; edit: Edit<MissionDraft>; skills: readonly string[]; recipes: readonly string[]; count: number }) {
  const at = `stages[${i}]`;
  const issues = useContext(ProblemsContext).filter((p) => p.path === at || p.path.startsWith(`${at}.`)).length;
  const st = (fn: (x: StageDraft) => void) => edit((d) => fn(d.stages![i]));
  const ev = s.evidence ?? {};
  const answer = s.answer;
  return (
    <details open={i === 0} className="rounded-lg border border-slate-200 p-3" id={fieldId(at)} tabIndex={-1}>
      <summary className="cursor-pointer font-medium">
        Stage {i + 1}: {s.title || s.key || "untitled"}
        <span className="ml-2 text-sm font-normal text-slate-500">{s.key} · weight {s.weight ?? 1}{s.answer ? " · answer check" : ""}{s.hints?.length ? ` · ${s.hints.length} hint(s)` : ""}</span>
        {issues > 0 && <Badge tone="red" className="ml-2">{issues} problem{issues === 1 ? "" : "s"}</Badge>}
      </summary>
      <div className="mt-3 space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField path={`${at}.key`} label="Key" mono value={s.key} onChange={(v) => st((x) => void (x.key = v))} />
          <TextField path={`${at}.title`} label="Title" value={s.title} onChange={(v) => st((x) => void (x.title = v))} />
          <NumberField path={`${at}.weight`} label="Weight" min={0} step={0.5} value={s.weight ?? 1} onChange={(v) => st((x) => void (x.weight = v ?? 0))} />
        </div>
        <MarkdownField path={`${at}.instructions`} label="Instructions" value={s.instructions} onChange={(v) => st((x) => void (x.instructions = v))} />
        <TagsField path={`${at}.required_skills`} label="Required skills" vocabulary={skills} value={s.required_skills} onChange={(v) => st((x) => void (x.required_skills = v))} />
        <div className="grid gap-3 sm:grid-cols-3">
          <CheckField path={`${at}.required`} label="Required stage" checked={s.required ?? true} onChange={(v) => st((x) => void (x.required = v))} />
          <NumberField path={`${at}.notes_min_chars`} label="Notes: minimum characters" min={0} value={s.notes_min_chars ?? 0} onChange={(v) => st((x) => void (x.notes_min_chars = v ?? 0))} />
          <TextField path={`${at}.next`} label="Next stage (empty: the following one)" mono value={s.next} onChange={(v) => st((x) => void (x.next = v || undefined))} />
        </div>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2" id={fieldId(`${at}.evidence`)} tabIndex={-1}>
          <legend className="px-1 text-sm font-semibold">Evidence rule</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <CheckField path={`${at}.evidence.required`} label="Evidence required" checked={ev.required} onChange={(v) => st((x) => void (x.evidence = { ...ev, required: v }))} />
            <NumberField path={`${at}.evidence.min_files`} label="Min files" min={0} max={10} value={ev.min_files ?? 0} onChange={(v) => st((x) => void (x.evidence = { ...ev, min_files: v ?? 0 }))} />
            <NumberField path={`${at}.evidence.max_files`} label="Max files" min={0} max={10} value={ev.max_files ?? 10} onChange={(v) => st((x) => void (x.evidence = { ...ev, max_files: v ?? 0 }))} />
          </div>
          <TagsField path={`${at}.evidence.kinds`} label="Accepted kinds" vocabulary={EVIDENCE_KINDS} value={ev.kinds ?? [...EVIDENCE_KINDS]} onChange={(v) => st((x) => void (x.evidence = { ...ev, kinds: v as typeof EVIDENCE_KINDS[number][] }))} />
        </fieldset>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-sm font-semibold">Answer check</legend>
          <SelectField
            path={`${at}.answer.kind`}
            label="Kind"
            value={answer?.kind ?? ""}
            options={ANSWER_KINDS}
            onChange={(v) => st((x) => void (x.answer = v === "exact" ? { kind: "exact", value: "" } : v === "regex" ? { kind: "regex", pattern: "" } : v === "set" ? { kind: "set", values: [] } : undefined))}
          />
          {answer?.kind === "exact" && <TextField path={`${at}.answer.value`} label="Expected value" mono value={answer.value} onChange={(v) => st((x) => void (x.answer = { ...answer, value: v }))} />}
          {answer?.kind === "regex" && <TextField path={`${at}.answer.pattern`} label="Pattern" mono value={answer.pattern} onChange={(v) => st((x) => void (x.answer = { ...answer, pattern: v }))} />}
          {answer?.kind === "set" && (
            <>
              <TagsField path={`${at}.answer.values`} label="Expected values" vocabulary={[]} value={answer.values} onChange={(v) => st((x) => void (x.answer = { ...answer, values: v }))} />
              <NumberField path={`${at}.answer.min_matches`} label="How many are needed (empty: all)" min={1} value={answer.min_matches} onChange={(v) => st((x) => void (x.answer = { ...answer, min_matches: v ?? undefined }))} />
            </>
          )}
          {answer && <TextField path={`${at}.answer_prompt`} label="Question shown to the learner" value={s.answer_prompt} onChange={(v) => st((x) => void (x.answer_prompt = v))} />}
          {answer && <AnswerTester check={answer as AnswerCheck} />}
        </fieldset>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2" id={fieldId(`${at}.hints`)} tabIndex={-1}>
          <legend className="px-1 text-sm font-semibold">Hints (unlock in order)</legend>
          {(s.hints ?? []).map((h, j) => (
            <div key={j} className="grid gap-2 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
              <TextField path={`${at}.hints[${j}].text`} label={`Hint ${j + 1}`} value={h.text} onChange={(v) => st((x) => void (x.hints![j].text = v))} />
              <NumberField path={`${at}.hints[${j}].penalty`} label="Penalty" min={0} max={100} value={h.penalty} onChange={(v) => st((x) => void (x.hints![j].penalty = v ?? 0))} />
              <Button type="button" variant="ghost" onClick={() => st((x) => void x.hints!.splice(j, 1))} aria-label={`Remove hint ${j + 1}`}>Remove</Button>
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={() => st((x) => void (x.hints = [...(x.hints ?? []), { text: "", penalty: 0 }]))}>Add hint</Button>
        </fieldset>
        <TagsField path={`${at}.recipes`} label="Recommended recipes" vocabulary={recipes} value={s.recipes} onChange={(v) => st((x) => void (x.recipes = v))} />
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="ghost" disabled={i === 0} onClick={() => edit((d) => void d.stages!.splice(i - 1, 0, d.stages!.splice(i, 1)[0]))}>Move up</Button>
          <Button type="button" variant="ghost" disabled={i === count - 1} onClick={() => edit((d) => void d.stages!.splice(i + 1, 0, d.stages!.splice(i, 1)[0]))}>Move down</Button>
          <Button type="button" variant="danger" onClick={() => edit((d) => void d.stages!.splice(i, 1))}>Delete stage</Button>
        </div>
      </div>
    </details>
  );
}

export function StagesSection({ m, edit, skills, recipes }: { m: MissionDraft; edit: Edit<MissionDraft>; skills: readonly string[]; recipes: readonly string[] }) {
  const stages = m.stages ?? [];
  const addStage = () =>
    edit((d) => {
      const n = (d.stages ?? []).length + 1;
      let key = `stage-${n}`;
      while ((d.stages ?? []).some((s) => s.key === key)) key = `${key}-x`;
      d.stages = [...(d.stages ?? []), { key, title: `Stage ${n}`, instructions: "", required_skills: [], recipes: [], hints: [] }];
    });
  return (
    <div className="space-y-3" id={fieldId("stages")} tabIndex={-1}>
      {stages.length === 0 && <p className="text-sm text-slate-600">No stages yet. A mission needs at least one.</p>}
      {stages.map((s, i) => <StageCard key={i} s={s} i={i} edit={edit} skills={skills} recipes={recipes} count={stages.length} />)}
      <Button type="button" variant="secondary" onClick={addStage}>Add stage</Button>
    </div>
  );
}
