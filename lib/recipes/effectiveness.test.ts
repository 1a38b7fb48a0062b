import { describe, expect, it } from "vitest";
import { effectiveness, newcombeDifference, wilson, MIN_ATTEMPTS } from "./effectiveness";

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe("wilson score interval", () => {
  it("matches Newcombe's worked example 81/263 → 0.2553 to 0.3662", () => {
    const i = wilson(81, 263);
    expect(r4(i.low)).toBe(0.2553);
    expect(r4(i.high)).toBe(0.3662);
  });
  it("stays inside [0, 1] at 0% and 100%", () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(r4(wilson(0, 10).high)).toBe(0.2775);
    expect(wilson(10, 10).high).toBe(1);
    expect(r4(wilson(10, 10).low)).toBe(0.7225);
  });
  it("refuses impossible counts", () => {
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(11, 10)).toThrow(RangeError);
  });
});

describe("Newcombe hybrid score interval for a difference of proportions", () => {
  // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10.
  const cases: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ];
  it.each(cases)("%i/%i − %i/%i → %f to %f", (x1, n1, x2, n2, lo, hi) => {
    const d = newcombeDifference(x1, n1, x2, n2);
    expect(r4(d.low)).toBe(lo);
    expect(r4(d.high)).toBe(hi);
    expect(d.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 12);
  });
});

describe("effectiveness of a recipe", () => {
  it("says not enough data under 10 attempts on either side, and reports no difference", () => {
    const e = effectiveness({ attempts: 9, passed: 9, scoreSum: 810 }, { attempts: 40, passed: 10, scoreSum: 2000 });
    expect(e.enoughData).toBe(false);
    expect(e.difference).toBeNull();
    expect(e.summary).toMatch(/Not enough data: 9 attempt\(s\) with the recipe and 40 without/);
    // The raw group figures are still shown.
    expect(e.used.passRate).toBe(1);
    expect(e.notUsed.passRate).toBe(0.25);
    expect(MIN_ATTEMPTS).toBe(10);
  });

  it("computes pass rates, mean scores and the interval from hand-computed counts", () => {
    // 56 of 70 passed with the recipe (80%), 48 of 80 without (60%): +20 points, CI 5 to 33.
    const e = effectiveness({ attempts: 70, passed: 56, scoreSum: 70 * 74.5 }, { attempts: 80, passed: 48, scoreSum: 80 * 61 });
    expect(e.enoughData).toBe(true);
    expect(e.used.passRate).toBe(0.8);
    expect(e.notUsed.passRate).toBe(0.6);
    expect(e.used.meanScore).toBeCloseTo(74.5, 10);
    expect(e.notUsed.meanScore).toBeCloseTo(61, 10);
    expect(e.meanScoreDifference).toBeCloseTo(13.5, 10);
    expect(r4(e.difference!.estimate)).toBe(0.2);
    expect(r4(e.difference!.low)).toBe(0.0524);
    expect(r4(e.difference!.high)).toBe(0.3339);
    expect(e.summary).toBe("Learners who used it passed 20 points more often (95% CI 5 to 33).");
  });

  it("words a negative difference as 'less often'", () => {
    const e = effectiveness({ attempts: 10, passed: 3, scoreSum: 500 }, { attempts: 10, passed: 9, scoreSum: 800 });
    expect(e.summary).toMatch(/^Learners who used it passed 60 points less often \(95% CI -81 to -17\)\.$/);
  });

  it("has no mean score when no attempt was scored", () => {
    const e = effectiveness({ attempts: 0, passed: 0, scoreSum: null }, { attempts: 12, passed: 6, scoreSum: 600 });
    expect(e.used.passRate).toBeNull();
    expect(e.used.meanScore).toBeNull();
    expect(e.meanScoreDifference).toBeNull();
  });
});
