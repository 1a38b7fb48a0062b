"use client";
import { focusPath } from "./fields";
import type { Problem } from "./use-draft";

// The live validation list: every problem of the draft by path; choosing one focuses its field.

const KIND_LABEL: Record<string, string> = { unreachable: "Unreachable", cycle: "Cycle", dead_end: "Dead end", unknown_stage: "Unknown stage" };

export function ProblemList({ problems }: { problems: Problem[] | null }) {
  if (problems === null) return <p className="text-sm text-slate-500">Checking…</p>;
  if (problems.length === 0) return <p className="text-sm text-green-800" role="status">No problems: ready to publish.</p>;
  return (
    <div>
      <p className="mb-2 text-sm font-medium text-red-800" role="status">{problems.length} problem{problems.length === 1 ? "" : "s"} to fix before publishing</p>
      <ul className="max-h-[50vh] space-y-1 overflow-auto text-sm" aria-label="Problems">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <button type="button" onClick={() => focusPath(p.path)} className="w-full rounded px-2 py-1 text-left hover:bg-red-50 focus-visible:outline-2">
              {p.kind && <span className="mr-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-800">{KIND_LABEL[p.kind]}</span>}
              <span className="font-mono text-xs text-slate-600">{p.path}</span>
              <span className="block text-slate-900">{p.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
