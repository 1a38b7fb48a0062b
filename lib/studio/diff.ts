import type { MissionContent, RecipeContent } from "@/lib/content/schemas";
import { stableStringify } from "@/lib/content/validate";

// What publishing a draft would change against the published version, in the words an author
// checks before publishing: stages, weights, answers, rubric, decisions (SPEC §7 "impact").

export interface KeyedChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface MissionDiff {
  /** Top-level fields that differ (title, story, objectives, time limit, …). */
  fields: string[];
  stages: KeyedChanges;
  weights: { stage: string; from: number; to: number }[];
  answers: { stage: string; change: "added" | "removed" | "changed" }[];
  hints: { stage: string; change: "added" | "removed" | "changed" }[];
  rubric: KeyedChanges;
  decisions: KeyedChanges;
  /** Stage order or the graph's edges changed: learners' paths may differ. */
  graph_changed: boolean;
  changed: boolean;
}

export interface RecipeDiff {
  fields: string[];
  steps: { added: number; removed: number; changed: number[] };
  changed: boolean;
}

const same = (a: unknown, b: unknown) => stableStringify(a ?? null) === stableStringify(b ?? null);

export function keyedChanges<T>(before: T[], after: T[], keyOf: (t: T) => string): KeyedChanges {
  const b = new Map(before.map((t) => [keyOf(t), t]));
  const a = new Map(after.map((t) => [keyOf(t), t]));
  return {
    added: [...a.keys()].filter((k) => !b.has(k)),
    removed: [...b.keys()].filter((k) => !a.has(k)),
    changed: [...a.keys()].filter((k) => b.has(k) && !same(b.get(k), a.get(k))),
  };
}

const MISSION_FIELDS = [
  "title",
  "track",
  "tier",
  "summary",
  "story",
  "objectives",
  "estimated_minutes",
  "skills",
  "time_constraint_hours",
  "auto_submit_on_deadline",
  "reflection_required",
  "reflection_prompt",
  "success_criteria",
  "status",
] as const;

function edges(m: Pick<MissionContent, "stages" | "decisions">): string {
  return stableStringify({
    order: m.stages.map((s) => [s.key, s.next ?? null]),
    decisions: m.decisions.map((d) => [d.after_stage, d.choices.map((c) => [c.id, c.next_stage])]),
  });
}

/** The diff of a draft against the published content; `before` null means never published. */
export function missionDiff(before: MissionContent | null, after: MissionContent): MissionDiff {
  const prev: Pick<MissionContent, "stages" | "decisions" | "rubric"> & Partial<MissionContent> = before ?? { stages: [], decisions: [], rubric: [] };
  const fields = before ? MISSION_FIELDS.filter((f) => !same(before[f], after[f])) : [...MISSION_FIELDS];
  const stages = keyedChanges(prev.stages, after.stages, (s) => s.key);
  const beforeStages = new Map(prev.stages.map((s) => [s.key, s]));
  const weights: MissionDiff["weights"] = [];
  const answers: MissionDiff["answers"] = [];
  const hints: MissionDiff["hints"] = [];
  for (const s of after.stages) {
    const old = beforeStages.get(s.key);
    if (!old) continue;
    if (old.weight !== s.weight) weights.push({ stage: s.key, from: old.weight, to: s.weight });
    if (!same(old.answer, s.answer)) answers.push({ stage: s.key, change: !old.answer ? "added" : !s.answer ? "removed" : "changed" });
    if (!same(old.hints, s.hints)) hints.push({ stage: s.key, change: old.hints.length === 0 ? "added" : s.hints.length === 0 ? "removed" : "changed" });
  }
  const rubric = keyedChanges(prev.rubric, after.rubric, (c) => c.key);
  const decisions = keyedChanges(prev.decisions, after.decisions, (d) => d.key);
  const graph_changed = edges(prev) !== edges(after);
  const changed =
    fields.length > 0 ||
    [stages, rubric, decisions].some((c) => c.added.length + c.removed.length + c.changed.length > 0) ||
    graph_changed;
  return { fields, stages, weights, answers, hints, rubric, decisions, graph_changed, changed };
}

const RECIPE_FIELDS = [
  "title",
  "summary",
  "description",
  "type",
  "difficulty",
  "estimated_minutes",
  "skills",
  "tools",
  "prerequisites",
  "inputs",
  "environment",
  "validation_checks",
  "related",
  "links",
  "mentor_curated",
  "status",
] as const;

export function recipeDiff(before: RecipeContent | null, after: RecipeContent): RecipeDiff {
  const fields = before ? RECIPE_FIELDS.filter((f) => !same(before[f], after[f])) : [...RECIPE_FIELDS];
  const old = before?.steps ?? [];
  const changedSteps = after.steps.map((s, i) => (i < old.length && !same(old[i], s) ? i : -1)).filter((i) => i >= 0);
  const steps = { added: Math.max(0, after.steps.length - old.length), removed: Math.max(0, old.length - after.steps.length), changed: changedSteps };
  return { fields, steps, changed: fields.length > 0 || steps.added + steps.removed + steps.changed.length > 0 };
}

/** Attempts counted by state, and the total. */
export function countByState(rows: { state: string; n: number }[]): { total: number; by_state: Record<string, number> } {
  const by_state: Record<string, number> = {};
  for (const r of rows) by_state[r.state] = (by_state[r.state] ?? 0) + r.n;
  return { total: rows.reduce((s, r) => s + r.n, 0), by_state };
}
