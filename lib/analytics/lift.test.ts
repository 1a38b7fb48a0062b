import { describe, expect, it } from "vitest";
import { nudgeLift, welchDifference, type LiftGroup } from "./lift";

const g = (n: number, completed: number, timeMean: number | null = null, timeVar: number | null = null, timeN = n): LiftGroup => ({ n, completed, timeN, timeMean, timeVar });

describe("nudgeLift", () => {
  it("says not enough data under 10 on either side, with the counts", () => {
    const l = nudgeLift(g(9, 9), g(40, 10));
    expect(l.enough_data).toBe(false);
    expect(l.completion_difference).toBeNull();
    expect(l.summary).toContain("9 learner(s) opened the nudge and 40 ignored it");
  });

  it("reports the completion difference with Newcombe's interval (Newcombe 1998, example: 56/70 vs 48/80)", () => {
    const l = nudgeLift(g(70, 56), g(80, 48));
    expect(l.enough_data).toBe(true);
    expect(l.completion_difference!.estimate).toBeCloseTo(0.2, 6);
    // Newcombe's published hybrid score interval for this example: 0.0524 to 0.3339.
    expect(l.completion_difference!.low).toBeCloseTo(0.0524, 3);
    expect(l.completion_difference!.high).toBeCloseTo(0.3339, 3);
    expect(l.summary).toMatch(/^Learners who opened the nudge completed the stage 20 points more often \(95% CI 5 to 33\)/);
  });

  it("adds the time difference when both sides reported times", () => {
    const l = nudgeLift(g(20, 15, 300_000, 60_000 ** 2), g(20, 10, 420_000, 90_000 ** 2));
    expect(l.time_difference_ms!.estimate).toBe(-120_000);
    expect(l.summary).toContain("2 min 00 s faster");
  });
});

describe("welchDifference", () => {
  it("is the mean difference ± 1.96 standard errors", () => {
    const d = welchDifference(g(25, 0, 10, 25), g(16, 0, 6, 16))!;
    expect(d.estimate).toBe(4);
    const se = Math.sqrt(25 / 25 + 16 / 16);
    expect(d.low).toBeCloseTo(4 - 1.959964 * se, 5);
    expect(d.high).toBeCloseTo(4 + 1.959964 * se, 5);
  });

  it("needs two times on each side", () => {
    expect(welchDifference(g(1, 0, 10, 0), g(5, 0, 6, 1))).toBeNull();
  });
});
