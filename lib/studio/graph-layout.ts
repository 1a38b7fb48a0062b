import { graphlib, layout } from "@dagrejs/dagre";
import { END } from "@/lib/content/schemas";

// The decision graph as the canvas draws it: stages and decisions are nodes, a stage's `next` and
// each choice are edges, laid out top to bottom by dagre. Problems from validate are attached to
// the node or edge they name, so the canvas and the outline show the same thing.

export interface GraphDraft {
  stages?: { key?: string; title?: string; next?: string }[];
  decisions?: { key?: string; after_stage?: string; prompt?: string; choices?: { id?: string; label?: string; next_stage?: string; ideal?: boolean }[] }[];
}

export interface GraphProblem {
  path: string;
  message: string;
  kind?: string;
  stage?: string;
  decision?: string;
  choice?: string;
}

export type NodeKind = "stage" | "decision" | "end" | "missing";

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** The stage key or decision key it stands for. */
  ref: string;
  index: number;
  problems: GraphProblem[];
  x: number;
  y: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  ideal: boolean;
  /** decision key + choice id for a choice; stage key for a stage's next. */
  decision?: string;
  choice?: string;
  stage?: string;
  problems: GraphProblem[];
}

export const NODE_W = 200;
export const NODE_H = 56;

export const stageId = (k: string) => `stage:${k}`;
export const decisionId = (k: string) => `decision:${k}`;
const target = (k: string | undefined, known: Set<string>) => (!k || k === END ? END : known.has(k) ? stageId(k) : `missing:${k}`);

export function buildGraph(draft: GraphDraft, problems: GraphProblem[] = []): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const stages = (draft.stages ?? []).filter((s) => s.key);
  const decisions = (draft.decisions ?? []).filter((d) => d.key);
  const keys = new Set(stages.map((s) => s.key!));
  const nodes: Omit<LayoutNode, "x" | "y">[] = [];
  const edges: LayoutEdge[] = [];
  const missing = new Set<string>();
  const nodeProblems = (p: GraphProblem) => !p.choice && !/\.next(_stage)?$/.test(p.path);
  // A cycle is reported on the stage that closes it ("cycle: a → b → a"); its edges are drawn red too.
  const cyclePairs = new Set<string>();
  for (const p of problems) {
    if (p.kind !== "cycle") continue;
    const seq = p.message.replace(/^cycle:\s*/, "").split(" → ");
    for (let i = 0; i + 1 < seq.length; i++) cyclePairs.add(`${seq[i]}>${seq[i + 1]}`);
  }
  const onCycle = (from: string | undefined, to: string | undefined, path: string): GraphProblem[] =>
    cyclePairs.has(`${from}>${to}`) ? [{ path, message: `part of a cycle: ${from} → ${to}`, kind: "cycle" }] : [];

  stages.forEach((s, i) => {
    nodes.push({ id: stageId(s.key!), kind: "stage", label: s.title || s.key!, ref: s.key!, index: i, problems: problems.filter((p) => p.stage === s.key && !p.decision && nodeProblems(p)) });
    const d = decisions.find((x) => x.after_stage === s.key);
    if (d) {
      edges.push({ id: `after:${s.key}`, source: stageId(s.key!), target: decisionId(d.key!), ideal: false, problems: [] });
      return;
    }
    const next = s.next ?? stages[i + 1]?.key ?? END;
    const t = target(next, keys);
    if (t.startsWith("missing:")) missing.add(next);
    edges.push({ id: `next:${s.key}`, source: stageId(s.key!), target: t, ideal: false, stage: s.key, problems: [...problems.filter((p) => p.path === `stages[${i}].next`), ...onCycle(s.key, next, `stages[${i}].next`)] });
  });
  decisions.forEach((d, i) => {
    nodes.push({ id: decisionId(d.key!), kind: "decision", label: d.prompt || d.key!, ref: d.key!, index: i, problems: problems.filter((p) => p.decision === d.key && !p.choice) });
    (d.choices ?? []).forEach((c, j) => {
      const t = target(c.next_stage, keys);
      if (t.startsWith("missing:")) missing.add(c.next_stage!);
      edges.push({
        id: `choice:${d.key}:${c.id ?? j}`,
        source: decisionId(d.key!),
        target: t,
        label: c.label || c.id,
        ideal: Boolean(c.ideal),
        decision: d.key,
        choice: c.id,
        problems: [...problems.filter((p) => p.decision === d.key && p.choice === c.id), ...onCycle(d.after_stage, c.next_stage, `decisions[${i}].choices[${j}].next_stage`)],
      });
    });
  });
  nodes.push({ id: END, kind: "end", label: "End", ref: END, index: -1, problems: [] });
  for (const m of missing) nodes.push({ id: `missing:${m}`, kind: "missing", label: `Unknown stage "${m}"`, ref: m, index: -1, problems: [] });

  const g = new graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 60 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  layout(g);
  return {
    nodes: nodes.map((n) => {
      const p = g.node(n.id);
      return { ...n, x: (p?.x ?? 0) - NODE_W / 2, y: (p?.y ?? 0) - NODE_H / 2 };
    }),
    edges,
  };
}

/** The graph in words, for screen readers and keyboards: one line per stage and per choice. */
export function outline(draft: GraphDraft): { id: string; text: string; depth: number }[] {
  const stages = (draft.stages ?? []).filter((s) => s.key);
  const title = (k: string | undefined) => (!k || k === END ? "the end" : (stages.find((s) => s.key === k)?.title ?? `unknown stage "${k}"`));
  const lines: { id: string; text: string; depth: number }[] = [];
  stages.forEach((s, i) => {
    const d = (draft.decisions ?? []).find((x) => x.after_stage === s.key);
    if (!d) {
      lines.push({ id: stageId(s.key!), text: `${i + 1}. ${s.title || s.key} → ${title(s.next ?? stages[i + 1]?.key)}`, depth: 0 });
      return;
    }
    lines.push({ id: stageId(s.key!), text: `${i + 1}. ${s.title || s.key}, then decide: ${d.prompt || d.key}`, depth: 0 });
    for (const c of d.choices ?? []) lines.push({ id: `choice:${d.key}:${c.id}`, text: `“${c.label || c.id}”${c.ideal ? " (expert's choice)" : ""} → ${title(c.next_stage)}`, depth: 1 });
  });
  return lines;
}
