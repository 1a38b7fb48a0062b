"use client";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo } from "react";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, useNodesState, type Connection, type Edge, type Node, type NodeProps } from "@xyflow/react";
import { buildGraph, outline, type GraphDraft, type GraphProblem, type LayoutNode } from "@/lib/studio/graph-layout";
import { cx } from "@/components/ui";

// The decision graph (SPEC §2) as a canvas: dagre lays it out, the author drags from a node's
// bottom handle to another node to connect (a stage's next, or a new choice of a decision), and
// every problem from validate is drawn on its node or edge. The outline beside it says the same
// in words and is what keyboard and screen-reader users work with.

type Data = LayoutNode & Record<string, unknown>;

const TONE: Record<LayoutNode["kind"], string> = {
  stage: "border-slate-300 bg-white",
  decision: "border-purple-300 bg-purple-50",
  end: "border-slate-400 bg-slate-100",
  missing: "border-red-400 bg-red-50 text-red-900",
};

function GraphNode({ data, selected }: NodeProps<Node<Data>>) {
  const bad = data.problems.length > 0;
  return (
    <div
      className={cx("w-[200px] rounded-lg border-2 px-3 py-2 text-xs shadow-sm", TONE[data.kind], bad && "border-red-500 ring-2 ring-red-200", selected && "ring-2 ring-brand-500")}
      title={data.problems.map((p) => p.message).join("\n") || undefined}
    >
      <Handle type="target" position={Position.Top} />
      <p className="font-semibold uppercase tracking-wide text-[10px] text-slate-500">{data.kind === "decision" ? "Decision" : data.kind === "stage" ? `Stage ${data.index + 1}` : data.kind === "end" ? "" : "Missing"}</p>
      <p className="truncate font-medium text-slate-900">{data.label}</p>
      {bad && <p className="truncate text-red-700">⚠ {data.problems[0].kind?.replace("_", " ") ?? data.problems[0].message}</p>}
      {data.kind === "stage" || data.kind === "decision" ? <Handle type="source" position={Position.Bottom} /> : null}
    </div>
  );
}

const nodeTypes = { graph: GraphNode };

export function GraphCanvas({ draft, problems, onConnect, onSelect }: { draft: GraphDraft; problems: GraphProblem[]; onConnect: (source: string, target: string) => void; onSelect: (id: string) => void }) {
  const computed = useMemo(() => {
    const g = buildGraph(draft, problems);
    const nodes: Node<Data>[] = g.nodes.map((n) => ({
      id: n.id,
      type: "graph",
      position: { x: n.x, y: n.y },
      data: n as Data,
      ariaLabel: `${n.kind} ${n.label}${n.problems.length ? `: ${n.problems.map((p) => p.message).join("; ")}` : ""}`,
    }));
    const edges: Edge[] = g.edges.map((e) => {
      const bad = e.problems.length > 0;
      const colour = bad ? "#dc2626" : e.ideal ? "#15803d" : "#64748b";
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label ? `${e.ideal ? "★ " : ""}${e.label}${bad ? " ⚠" : ""}` : bad ? "⚠" : undefined,
        animated: bad,
        style: { stroke: colour, strokeWidth: e.ideal || bad ? 2.5 : 1.5 },
        markerEnd: { type: MarkerType.ArrowClosed, color: colour },
        labelStyle: { fontSize: 11, fill: bad ? "#b91c1c" : "#0f172a" },
        ariaLabel: `${e.label ?? "next"}${e.ideal ? " (expert's choice)" : ""}${bad ? `: ${e.problems.map((p) => p.message).join("; ")}` : ""}`,
      };
    });
    return { nodes, edges };
  }, [draft, problems]);
  // The canvas keeps its nodes in state and applies React Flow's changes to them: a node's measured size
  // lives on the node, and nodes rebuilt from the draft (an edit, a validation answer arriving after the
  // first paint) would otherwise arrive without it and stay hidden, since their DOM size, and so the
  // resize observer, does not change. Rebuilt nodes carry the size measured before.
  const [nodes, setNodes, onNodesChange] = useNodesState<Node<Data>>(computed.nodes);
  useEffect(() => {
    setNodes((prev) => {
      const measured = new Map(prev.map((n) => [n.id, n.measured]));
      return computed.nodes.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
  }, [computed.nodes, setNodes]);
  const edges = computed.edges;

  return (
    <div className="h-[480px] w-full rounded-lg border border-slate-200 bg-slate-50" aria-label="Decision graph canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        // Nodes are removed in the forms, not from the canvas: the Delete key would only hide them here.
        deleteKeyCode={null}
        nodeTypes={nodeTypes}
        fitView
        minZoom={0.2}
        nodesDraggable={false}
        onConnect={(c: Connection) => c.source && c.target && onConnect(c.source, c.target)}
        onNodeClick={(_, n) => onSelect(n.id)}
        // Keyboard users select a focused node with Enter or Space; that opens its form too.
        onSelectionChange={({ nodes: picked }) => picked.length === 1 && onSelect(picked[0].id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export function GraphOutline({ draft, problems, onSelect }: { draft: GraphDraft; problems: GraphProblem[]; onSelect: (id: string) => void }) {
  const lines = outline(draft);
  const flagged = (id: string) =>
    problems.filter((p) => (id.startsWith("stage:") ? p.stage === id.slice(6) && !p.decision : p.decision && `choice:${p.decision}:${p.choice}` === id));
  return (
    <ol className="space-y-1 text-sm" aria-label="Decision graph outline">
      {lines.map((l) => {
        const bad = flagged(l.id);
        return (
          <li key={l.id} className={cx(l.depth ? "ml-6 list-none" : "list-none")}>
            <button type="button" onClick={() => onSelect(l.id)} className={cx("rounded px-1 text-left hover:bg-slate-100 focus-visible:outline-2", bad.length > 0 && "text-red-800")}>
              {l.text}
              {bad.length > 0 && <span className="ml-1 font-medium">— ⚠ {bad.map((p) => p.kind?.replace("_", " ") ?? p.message).join(", ")}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
