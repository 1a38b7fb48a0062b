import { describe, expect, it } from "vitest";
import { missionSchema } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";
import { countByState, missionDiff, recipeDiff } from "./diff";
import { locate, missionProblems } from "./problems";
import { applyAction, emptySandbox, SandboxRefusal, sandboxView } from "./sandbox";

const base = () => missionSchema.parse(structuredClone(fixtureMission));
const known = { recipeSlugs: new Set(["grep-auth-logs", "brief-stakeholders", "write-sigma-rule"]), missionStages: new Map(), moduleSlugs: new Set<string>() };

describe("missionDiff", () => {
  it("finds nothing between a mission and itself", () => {
    expect(missionDiff(base(), base()).changed).toBe(false);
  });

  it("names stages, weights, answers, hints, rubric and decisions that changed", () => {
    const after = base();
    after.stages[0].weight = 4;
    after.stages[1].answer = { kind: "regex", pattern: "^block" };
    after.stages[0].hints = [];
    after.stages.push({ ...after.stages[4], key: "lessons" });
    after.rubric[0].levels[1].points = 3;
    after.decisions[1].choices[0].next_stage = "report";
    const d = missionDiff(base(), after);
    expect(d.stages).toEqual({ added: ["lessons"], removed: [], changed: ["triage", "contain"] });
    expect(d.weights).toEqual([{ stage: "triage", from: 2, to: 4 }]);
    expect(d.answers).toEqual([{ stage: "contain", change: "added" }]);
    expect(d.hints).toEqual([{ stage: "triage", change: "removed" }]);
    expect(d.rubric.changed).toEqual(["triage-quality"]);
    expect(d.decisions.changed).toEqual(["detect-or-report"]);
    expect(d.graph_changed).toBe(true);
  });

  it("treats a never-published mission as all new", () => {
    const d = missionDiff(null, base());
    expect(d.stages.added).toHaveLength(5);
    expect(d.changed).toBe(true);
  });

  it("counts steps of a recipe diff and attempts by state", () => {
    const r = { steps: [{ title: "a" }, { title: "b" }] } as never;
    const r2 = { steps: [{ title: "a" }, { title: "B" }, { title: "c" }] } as never;
    expect(recipeDiff(r, r2).steps).toEqual({ added: 1, removed: 0, changed: [1] });
    expect(countByState([{ state: "submitted", n: 2 }, { state: "approved", n: 1 }, { state: "submitted", n: 1 }])).toEqual({ total: 4, by_state: { submitted: 3, approved: 1 } });
  });
});

describe("missionProblems", () => {
  it("locates stage, decision and choice from the path", () => {
    expect(locate(fixtureMission, "decisions[0].choices[1].next_stage")).toEqual({ decision: "respond", choice: "watch" });
    expect(locate(fixtureMission, "stages[3].title")).toEqual({ stage: "detect" });
    expect(locate(null, "stages[0]")).toEqual({});
  });

  it("is empty for a valid mission and names a dead end with its kind", () => {
    expect(missionProblems(fixtureMission, known)).toEqual([]);
    const m = structuredClone(fixtureMission);
    m.stages[4].next = "report";
    const problems = missionProblems(m, known);
    expect(problems).toContainEqual(expect.objectContaining({ kind: "cycle", stage: "report" }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: "dead_end", stage: "report", path: "stages[4]" }));
  });
});

describe("sandbox", () => {
  it("walks a branch, checks answers with the pre-score's matching and totals penalties and deltas", () => {
    const m = base();
    let s = emptySandbox();
    ({ state: s } = applyAction(m, s, { type: "unlock_hint", stage: "triage" }));
    const done = applyAction(m, s, { type: "complete_stage", stage: "triage", answer: "203[.]0[.]113[.]45" });
    expect(done.feedback.verdict).toBe("correct");
    s = applyAction(m, done.state, { type: "choose", decision: "respond", choice_id: "block" }).state;
    const v = sandboxView(m, s);
    expect(v).toMatchObject({ path: ["triage", "contain"], current_stage: "contain", hint_penalty: 2, decision_delta: 5, finished: false });
  });

  it("refuses moves a learner could not make", () => {
    const m = base();
    expect(() => applyAction(m, emptySandbox(), { type: "complete_stage", stage: "report" })).toThrow(SandboxRefusal);
    expect(() => applyAction(m, emptySandbox(), { type: "choose", decision: "respond", choice_id: "block" })).toThrow(SandboxRefusal);
    const s = applyAction(m, emptySandbox(), { type: "complete_stage", stage: "triage" }).state;
    expect(() => applyAction(m, s, { type: "choose", decision: "respond", choice_id: "nope" })).toThrow(/no choice/);
  });
});

describe("graph layout input", () => {
  it("draws stages and decisions as nodes, choices as edges with the ideal marked, and problems where they sit", async () => {
    const { buildGraph, outline } = await import("./graph-layout");
    const m = structuredClone(fixtureMission);
    m.decisions![1].choices[1].next_stage = "nowhere";
    const problems = missionProblems(m, known);
    const { nodes, edges } = buildGraph(m, problems);
    expect(nodes.filter((n) => n.kind === "stage")).toHaveLength(5);
    expect(nodes.filter((n) => n.kind === "decision").map((n) => n.ref)).toEqual(["respond", "detect-or-report"]);
    expect(nodes.find((n) => n.kind === "missing")?.ref).toBe("nowhere");
    expect(edges.find((e) => e.id === "choice:respond:block")).toMatchObject({ ideal: true, target: "stage:contain" });
    const bad = edges.find((e) => e.id === "choice:detect-or-report:report")!;
    expect(bad.problems[0]).toMatchObject({ kind: "unknown_stage" });
    expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    // Nodes do not overlap.
    const stagesAt = new Set(nodes.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`));
    expect(stagesAt.size).toBe(nodes.length);
    expect(outline(m).map((l) => l.text)).toContain("“Block now” (expert's choice) → Contain");
    // A choice that closes a cycle is drawn as a problem on its edge.
    const loop = structuredClone(fixtureMission);
    loop.decisions![0].choices[1].next_stage = "triage";
    const looped = buildGraph(loop, missionProblems(loop, known));
    expect(looped.edges.find((e) => e.id === "choice:respond:watch")!.problems[0]).toMatchObject({ kind: "cycle" });
    expect(looped.edges.find((e) => e.id === "choice:respond:block")!.problems).toEqual([]);
  });
});
