import { describe, expect, it } from "vitest";
import { allPaths, computePath, validateGraph } from "./graph";
import { missionSchema, type MissionContent } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";

const base = () => missionSchema.parse(fixtureMission);
const messages = (m: MissionContent) => validateGraph(m).map((e) => `${e.path}: ${e.message}`);

describe("validateGraph", () => {
  it("accepts the fixture mission", () => {
    expect(validateGraph(base())).toEqual([]);
  });

  it("catches a choice pointing at a stage that does not exist, with its path", () => {
    const m = base();
    m.decisions[0].choices[1].next_stage = "ghost";
    expect(messages(m)).toContain('decisions[0].choices[1].next_stage: points at unknown stage "ghost"');
  });

  it("catches a cycle", () => {
    const m = base();
    // report → back to triage closes a loop.
    m.stages[4].next = "triage";
    const errs = messages(m);
    expect(errs.some((e) => e.includes("cycle"))).toBe(true);
  });

  it("catches an unreachable stage", () => {
    const m = base();
    m.stages.push({ ...m.stages[4], key: "orphan", title: "Orphan" });
    m.stages[4].next = "end"; // report no longer falls through to orphan
    expect(messages(m)).toContain('stages[5]: stage "orphan" is unreachable from the first stage');
  });

  it("catches a dead end: a stage whose paths never reach the end", () => {
    const m = base();
    m.stages[2].next = "watch"; // watch → watch
    const errs = messages(m);
    expect(errs.some((e) => e.startsWith("stages[2]") && e.includes("never reaches the end"))).toBe(true);
  });

  it("catches a stage.next pointing nowhere, duplicate keys and two ideal choices", () => {
    const m = base();
    m.stages[3].next = "nowhere";
    expect(messages(m)).toContain('stages[3].next: points at unknown stage "nowhere"');
    const d = base();
    d.stages[1].key = "triage";
    expect(messages(d)).toContain('stages[1].key: duplicate stage key "triage"');
    const i = base();
    i.decisions[0].choices[1].ideal = true;
    expect(messages(i)).toContain("decisions[0].choices: at most one choice can be the expert's (ideal)");
  });

  it("catches a decision after an unknown stage and two decisions after one stage", () => {
    const m = base();
    m.decisions[1].after_stage = "triage";
    expect(messages(m)).toContain('decisions[1].after_stage: stage "triage" already has a decision');
  });
});

describe("paths", () => {
  it("lists every path from the first stage to the end, of different lengths", () => {
    const paths = allPaths(base());
    expect(paths).toEqual([
      ["triage", "contain", "detect", "report"],
      ["triage", "contain", "report"],
      ["triage", "watch", "detect", "report"],
    ]);
  });

  it("follows completed stages and choices to the current stage", () => {
    const m = base();
    expect(computePath(m, new Set(), new Map())).toEqual({ path: ["triage"], current: "triage", pendingDecision: null });
    expect(computePath(m, new Set(["triage"]), new Map())).toEqual({ path: ["triage"], current: "triage", pendingDecision: "respond" });
    expect(computePath(m, new Set(["triage"]), new Map([["respond", "watch"]]))).toEqual({ path: ["triage", "watch"], current: "watch", pendingDecision: null });
    expect(computePath(m, new Set(["triage", "watch", "detect", "report"]), new Map([["respond", "watch"]]))).toEqual({
      path: ["triage", "watch", "detect", "report"],
      current: null,
      pendingDecision: null,
    });
  });
});
