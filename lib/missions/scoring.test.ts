import { describe, expect, it } from "vitest";
import { missionSchema } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";
import { computeScore, criteriaOnPath, MISSION_WIDE, resolveLevel, validateRubric, type ScoringCriterion, type ScoringInput } from "./scoring";

// A mission with a branch: a (w2) → b (w1) | c (w1) → d (w5, no criteria); e (w0); one mission-wide criterion.
const stages = [
  { key: "a", weight: 2 },
  { key: "b", weight: 1 },
  { key: "c", weight: 1 },
  { key: "d", weight: 5 },
  { key: "e", weight: 0 },
];
const lv = (...points: number[]) => points.map((p) => ({ points: p }));
const criteria: ScoringCriterion[] = [
  { key: "a1", stage: "a", weight: 1, levels: lv(0, 1, 2) },
  { key: "a2", stage: "a", weight: 3, levels: lv(0, 2, 4) },
  { key: "b1", stage: "b", weight: 1, levels: lv(0, 1, 2, 3) },
  { key: "c1", stage: "c", weight: 1, levels: lv(0, 1, 2) },
  { key: "e1", stage: "e", weight: 1, levels: lv(0, 1) },
  { key: "m1", stage: null, weight: 1, levels: lv(0, 2, 4) },
];
const TOP = { a1: 2, a2: 2, b1: 3, c1: 2, e1: 1, m1: 2 };

function run(over: Partial<ScoringInput> & { levels?: ScoringInput["levels"] }) {
  return computeScore({
    stages,
    criteria,
    path: ["a", "b"],
    levels: TOP,
    decisionDelta: 0,
    hintPenalty: 0,
    minScore: 60,
    requiredStages: [],
    ...over,
  });
}

describe("computeScore (SPEC §3), table of cases", () => {
  it.each<[string, Partial<ScoringInput>, number, boolean]>([
    ["every criterion at the top level", {}, 100, true],
    ["half marks everywhere", { levels: { a1: 1, a2: 1, b1: 0, m1: 1 } }, 37.5, false],
    // a = (1×1 + 3×0.5)/4 = 0.625; b = 1; m = 0.5 → (2×0.625 + 1 + 0.5)/4 = 0.6875
    ["criterion weights inside a stage", { levels: { a1: 2, a2: 1, b1: 3, m1: 1 } }, 68.8, true],
    // a = (0 + 3×1)/4 = 0.75 → (1.5 + 1 + 1)/4
    ["a heavy criterion dominates its stage", { levels: { a1: 0, a2: 2, b1: 3, m1: 2 } }, 87.5, true],
    // Path through c: b's criterion is excluded even though it has a level.
    ["skipped branch stage excluded", { path: ["a", "c"], levels: { ...TOP, b1: 0, c1: 1 } }, 87.5, true],
    ["stage weights: a (w2) at zero costs twice as much as b", { levels: { ...TOP, a1: 0, a2: 0 } }, 50, false],
    ["stage weights: b (w1) at zero", { levels: { ...TOP, b1: 0 } }, 75, true],
    ["stage on the path without criteria is left out", { path: ["a", "d"] }, 100, true],
    ["weight-0 stage contributes nothing", { path: ["a", "e"], levels: { ...TOP, e1: 0 } }, 100, true],
    ["decision deltas add", { levels: { ...TOP, b1: 0 }, decisionDelta: 10 }, 85, true],
    ["negative decision deltas subtract", { decisionDelta: -15 }, 85, true],
    ["hint penalties subtract", { hintPenalty: 7 }, 93, true],
    ["deltas and penalties together", { levels: { ...TOP, b1: 0 }, decisionDelta: 5, hintPenalty: 12 }, 68, true],
    ["clamped at 100", { decisionDelta: 20 }, 100, true],
    ["clamped at 0", { levels: { a1: 0, a2: 0, b1: 0, m1: 0 }, hintPenalty: 10, decisionDelta: -5 }, 0, false],
    // (2 + 1/3 + 1)/4 = 0.8333…
    ["rounded to one decimal (thirds)", { levels: { ...TOP, b1: 1 } }, 83.3, true],
    // (2 + 2/3 + 1)/4 = 0.91666…
    ["rounded half up", { levels: { ...TOP, b1: 2 } }, 91.7, true],
    ["exactly the minimum passes", { levels: { ...TOP, b1: 0 }, minScore: 75 }, 75, true],
    ["just below the minimum fails", { levels: { ...TOP, b1: 0 }, minScore: 75.1 }, 75, false],
  ])("%s", (_name, over, score, passed) => {
    const r = run(over);
    expect(r.score).toBe(score);
    expect(r.passed).toBe(passed);
  });

  it("fails when a required stage on the path scored zero, even above the minimum", () => {
    const r = run({ levels: { ...TOP, b1: 0 }, requiredStages: ["b"], minScore: 50 });
    expect(r.score).toBe(75);
    expect(r.passed).toBe(false);
    expect(r.failReasons.join(" ")).toMatch(/Required stage "b" scored zero/);
  });

  it("a required stage that is not on the learner's path does not block passing", () => {
    expect(run({ requiredStages: ["c"] }).passed).toBe(true);
  });

  it("mission-wide criteria form one pseudo-stage of weight 1", () => {
    const r = run({ levels: { ...TOP, m1: 0 } });
    expect(r.stages.find((s) => s.key === MISSION_WIDE)).toMatchObject({ weight: 1, score: 0 });
    expect(r.score).toBe(75);
  });

  it("without mission-wide criteria there is no pseudo-stage", () => {
    const r = computeScore({ stages, criteria: criteria.filter((c) => c.stage), path: ["a", "b"], levels: { ...TOP, b1: 0 }, decisionDelta: 0, hintPenalty: 0, minScore: 0, requiredStages: [] });
    expect(r.stages.map((s) => s.key)).toEqual(["a", "b"]);
    expect(r.score).toBe(66.7);
  });

  it("criteria without a level count as zero and are listed as unscored", () => {
    const r = run({ levels: { a1: 2, a2: 2 } });
    expect(r.unscored).toEqual(["b1", "m1"]);
    expect(r.score).toBe(50);
  });

  it("matches the fixture mission end to end", () => {
    const m = missionSchema.parse(fixtureMission);
    // Path triage(w2) → contain(w1) → report(w1); triage top, contain 0, report top; +5 block, −7 hints.
    const r = computeScore({
      stages: m.stages,
      criteria: m.rubric,
      path: ["triage", "contain", "report"],
      levels: { "triage-quality": 1, "contain-quality": 0, "report-quality": 1 },
      decisionDelta: 5,
      hintPenalty: 7,
      minScore: m.success_criteria.min_score,
      requiredStages: ["triage"],
    });
    expect(r.score).toBe(73); // (2 + 0 + 1)/4 × 100 = 75 + 5 − 7
    expect(r.passed).toBe(true);
  });
});

describe("criteriaOnPath", () => {
  it("keeps criteria of stages on the path and mission-wide ones", () => {
    expect(criteriaOnPath(criteria, ["a", "c"]).map((c) => c.key)).toEqual(["a1", "a2", "c1", "m1"]);
  });
});

describe("validateRubric", () => {
  it("accepts a usable rubric", () => {
    expect(validateRubric(criteria)).toEqual([]);
  });
  it("needs at least one criterion", () => {
    expect(validateRubric([])).toEqual([{ path: "rubric", message: "needs at least one criterion" }]);
  });
  it("needs at least two levels per criterion", () => {
    expect(validateRubric([{ levels: lv(3) }])).toContainEqual({ path: "rubric[0].levels", message: "needs at least 2 levels" });
  });
  it("needs a top level worth more than zero", () => {
    expect(validateRubric([{ levels: lv(0, 0) }])).toContainEqual({ path: "rubric[0].levels", message: "the highest level must be worth more than 0 points" });
  });
  it("rejects a non-positive weight and negative points", () => {
    const p = validateRubric([{ weight: 0, levels: lv(-1, 2) }]);
    expect(p.map((x) => x.path)).toEqual(["rubric[0].levels", "rubric[0].weight"]);
  });
});

describe("resolveLevel", () => {
  const levels = [{ label: "Missing" }, { label: "Partial" }, { label: "Strong" }];
  it.each<[number | string, number | null]>([
    [0, 0],
    [2, 2],
    [3, null],
    [-1, null],
    [1.5, null],
    ["strong", 2],
    [" Partial ", 1],
    ["1", 1],
    ["excellent", null],
  ])("%s → %s", (given, want) => expect(resolveLevel(levels, given)).toBe(want));
});
