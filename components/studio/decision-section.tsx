"use client";
import { Button } from "@/components/ui";
import { END } from "@/lib/content/schemas";
import { GraphCanvas, GraphOutline } from "./graph-canvas";
import { CheckField, NumberField, SelectField, TextField, fieldId, focusPath } from "./fields";
import type { Problem } from "./use-draft";
import type { Edit, MissionDraft } from "./types";

// Decisions sit after a stage and send each choice to a stage or the end. The canvas and outline
// show the graph; connecting on the canvas edits the same fields as the forms below.

export function DecisionSection({ m, edit, problems }: { m: MissionDraft; edit: Edit<MissionDraft>; problems: Problem[] }) {
  const stages = m.stages ?? [];
  const decisions = m.decisions ?? [];
  const targets = [...stages.map((s) => ({ value: s.key, label: `${s.title || s.key} (${s.key})` })), { value: END, label: "End of the mission" }];
  const free = stages.filter((s) => !decisions.some((d) => d.after_stage === s.key));

  const select = (id: string) => {
    if (id.startsWith("stage:")) {
      const i = stages.findIndex((s) => s.key === id.slice(6));
      if (i >= 0) focusPath(`stages[${i}].title`);
    } else if (id.startsWith("decision:")) {
      const i = decisions.findIndex((d) => d.key === id.slice(9));
      if (i >= 0) focusPath(`decisions[${i}].prompt`);
    } else if (id.startsWith("choice:")) {
      const [, dk, ck] = id.split(":");
      const i = decisions.findIndex((d) => d.key === dk);
      const j = decisions[i]?.choices.findIndex((c) => c.id === ck) ?? -1;
      if (j >= 0) focusPath(`decisions[${i}].choices[${j}].next_stage`);
    }
  };

  const connect = (source: string, target: string) => {
    const to = target === END ? END : target.startsWith("stage:") ? target.slice(6) : null;
    if (!to) return;
    edit((d) => {
      if (source.startsWith("stage:")) {
        const s = d.stages?.find((x) => x.key === source.slice(6));
        if (s) s.next = to;
      } else if (source.startsWith("decision:")) {
        const dec = d.decisions?.find((x) => x.key === source.slice(9));
        if (dec && dec.choices.length < 4) dec.choices.push({ id: `choice-${dec.choices.length + 1}`, label: `Go to ${to}`, consequence: "", next_stage: to });
      }
    });
  };

  const addDecision = () =>
    edit((d) => {
      const after = free[0]?.key;
      if (!after) return;
      let key = `decision-${(d.decisions ?? []).length + 1}`;
      while ((d.decisions ?? []).some((x) => x.key === key)) key = `${key}-x`;
      d.decisions = [...(d.decisions ?? []), { key, after_stage: after, prompt: "", choices: [{ id: "a", label: "", consequence: "", next_stage: END }, { id: "b", label: "", consequence: "", next_stage: END }] }];
    });

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Drag from the bottom of a stage or decision to another node to connect it. ★ marks the expert&apos;s choice; ⚠ marks a problem. The outline below is the same graph in words.</p>
      <GraphCanvas draft={m} problems={problems} onConnect={connect} onSelect={select} />
      <div className="rounded-lg border border-slate-200 p-3">
        <h3 className="mb-2 text-sm font-semibold">Outline</h3>
        <GraphOutline draft={m} problems={problems} onSelect={select} />
      </div>
      {decisions.map((dec, i) => {
        const at = `decisions[${i}]`;
        const de = (fn: (x: typeof dec) => void) => edit((d) => fn(d.decisions![i]));
        return (
          <fieldset key={i} className="space-y-3 rounded-lg border border-purple-200 p-3" id={fieldId(at)} tabIndex={-1}>
            <legend className="px-1 text-sm font-semibold">Decision {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField path={`${at}.key`} label="Key" mono value={dec.key} onChange={(v) => de((x) => void (x.key = v))} />
              <SelectField path={`${at}.after_stage`} label="After stage" value={dec.after_stage} options={stages.map((s) => ({ value: s.key, label: s.title || s.key }))} onChange={(v) => de((x) => void (x.after_stage = v))} />
            </div>
            <TextField path={`${at}.prompt`} label="Prompt" value={dec.prompt} onChange={(v) => de((x) => void (x.prompt = v))} />
            {dec.choices.map((c, j) => {
              const cp = `${at}.choices[${j}]`;
              const ch = (fn: (x: typeof c) => void) => de((x) => fn(x.choices[j]));
              return (
                <div key={j} className="space-y-2 rounded-md bg-slate-50 p-2">
                  <div className="grid gap-2 sm:grid-cols-3">
                    <TextField path={`${cp}.id`} label={`Choice ${j + 1} id`} mono value={c.id} onChange={(v) => ch((x) => void (x.id = v))} />
                    <TextField path={`${cp}.label`} label="Label" value={c.label} onChange={(v) => ch((x) => void (x.label = v))} />
                    <SelectField path={`${cp}.next_stage`} label="Leads to" value={c.next_stage} options={targets.some((t) => t.value === c.next_stage) ? targets : [...targets, { value: c.next_stage, label: `${c.next_stage} (unknown)` }]} onChange={(v) => ch((x) => void (x.next_stage = v))} />
                  </div>
                  <TextField path={`${cp}.consequence`} label="Consequence (shown after choosing)" value={c.consequence} onChange={(v) => ch((x) => void (x.consequence = v))} />
                  <div className="grid gap-2 sm:grid-cols-3 sm:items-end">
                    <NumberField path={`${cp}.score_delta`} label="Score change (−20…+20)" min={-20} max={20} value={c.score_delta ?? 0} onChange={(v) => ch((x) => void (x.score_delta = v ?? 0))} />
                    <CheckField path={`${cp}.ideal`} label="Expert's choice" checked={c.ideal} onChange={(v) => de((x) => x.choices.forEach((y, k) => (y.ideal = k === j ? v : false)))} />
                    <Button type="button" variant="ghost" disabled={dec.choices.length <= 2} onClick={() => de((x) => void x.choices.splice(j, 1))}>Remove choice</Button>
                  </div>
                  {c.ideal && <TextField path={`${cp}.rationale`} label="Why the expert chooses it" value={c.rationale} onChange={(v) => ch((x) => void (x.rationale = v))} />}
                </div>
              );
            })}
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" disabled={dec.choices.length >= 4} onClick={() => de((x) => void x.choices.push({ id: `choice-${x.choices.length + 1}`, label: "", consequence: "", next_stage: END }))}>Add choice</Button>
              <Button type="button" variant="danger" onClick={() => edit((d) => void d.decisions!.splice(i, 1))}>Delete decision</Button>
            </div>
          </fieldset>
        );
      })}
      <Button type="button" variant="secondary" disabled={free.length === 0} onClick={addDecision}>Add decision</Button>
    </div>
  );
}
