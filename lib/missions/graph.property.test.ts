import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { END, type MissionContent } from "@/lib/content/schemas";
import { allPaths, computePath, successors, validateGraph } from "./graph";

type G = Pick<MissionContent, "stages" | "decisions">;

/**
 * A random valid graph: stages s0..sN-1; every edge points forward (so no cycles), and stage i
 * always reaches i+1 by its first edge (so every stage is reachable). Some stages end early.
 */
const graphArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          decision: fc.boolean(),
          // extra targets: forward stage indices or END
          extra: fc.array(fc.integer({ min: i + 1, max: n }), { minLength: 1, maxLength: 3 }),
        }),
      ),
    )
    .map((specs): G => {
      const key = (j: number) => (j >= n ? END : `s${j}`);
      const stages = specs.map((s, i) => ({ key: `s${i}`, next: s.decision ? undefined : i + 1 < n ? key(i + 1) : END })) as unknown as G["stages"];
      const decisions = specs.flatMap((s, i) =>
        s.decision
          ? [{ key: `d${i}`, after_stage: `s${i}`, prompt: "?", choices: [i + 1, ...s.extra].map((t, c) => ({ id: `c${c}`, label: "x", consequence: "y", next_stage: key(t), score_delta: 0, ideal: false })) }]
          : [],
      ) as unknown as G["decisions"];
      return { stages, decisions };
    }),
);

describe("decision graph (property)", () => {
  it("every generated graph is valid", () => {
    fc.assert(fc.property(graphArb, (g) => {
        expect(validateGraph(g)).toEqual([]);
      }));
  });

  it("any sequence of choices through a valid graph ends at end", () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat(), { maxLength: 20 }), (g, picks) => {
        const completed = new Set<string>();
        const choices = new Map<string, string>();
        let pick = 0;
        for (let step = 0; step < 100; step++) {
          const r = computePath(g, completed, choices);
          if (r.current === null) {
            // Reached the end: the last stage on the path leads to END, and the path is one of the graph's paths.
            const last = r.path[r.path.length - 1];
            const d = g.decisions.find((x) => x.after_stage === last);
            const next = d ? d.choices.find((c) => c.id === choices.get(d.key))!.next_stage : successors(g, last)[0];
            expect(next).toBe(END);
            expect(allPaths(g).map((p) => p.join(">"))).toContain(r.path.join(">"));
            expect(new Set(r.path).size).toBe(r.path.length);
            return;
          }
          if (r.pendingDecision) {
            const d = g.decisions.find((x) => x.key === r.pendingDecision)!;
            choices.set(d.key, d.choices[(picks[pick++] ?? 0) % d.choices.length].id);
          } else {
            completed.add(r.current);
          }
        }
        throw new Error("the walk did not reach the end");
      }),
    );
  });
});
