import { describe, expect, it } from "vitest";
import { pairTable, weightedKappa, weightMatrix } from "./kappa";

// Published worked examples. Both tables are in R's vcd package and its documentation prints
// Kappa() for them; vcd's weighted kappa uses equal-spacing (linear) weights and the standard error
// of Fleiss, Cohen & Everitt (1969), i.e. what lib/reviews/kappa.ts computes.

// Agresti (1990), Categorical Data Analysis, Table 10.5 / vcd::SexualFun (husband × wife, n = 91).
// vcd ≥ 1.4 (and vcdExtra's print.Kappa, CI = TRUE) prints:
//   Unweighted 0.1293 ASE 0.06860, 95% CI −0.00512 … 0.2638
//   Weighted   0.2374 ASE 0.07832, 95% CI  0.08388 … 0.3909
const SEXUAL_FUN = [
  [7, 7, 2, 3],
  [2, 8, 3, 7],
  [1, 5, 4, 9],
  [2, 8, 9, 14],
];

// Landis & Koch (1977) multiple-sclerosis diagnoses, Winnipeg patients / vcd::MSPatients[, , "Winnipeg"]
// (n = 149). vcd prints: Unweighted 0.2079 ASE 0.05046; Weighted 0.3797 ASE 0.05167.
const MS_WINNIPEG = [
  [38, 5, 0, 1],
  [33, 11, 3, 0],
  [10, 14, 5, 6],
  [3, 7, 3, 10],
];

describe("weightedKappa against published values", () => {
  it("SexualFun, linear weights: κw 0.2374, ASE 0.07832, 95% CI 0.08388 … 0.3909", () => {
    const r = weightedKappa(SEXUAL_FUN, "linear")!;
    expect(r.n).toBe(91);
    expect(r.kappa).toBeCloseTo(0.2374, 4);
    expect(r.se).toBeCloseTo(0.07832, 5);
    expect(r.low).toBeCloseTo(0.08388, 4);
    expect(r.high).toBeCloseTo(0.3909, 4);
  });

  it("SexualFun, unweighted: κ 0.1293, ASE 0.06860, 95% CI −0.00512 … 0.2638", () => {
    const r = weightedKappa(SEXUAL_FUN, "unweighted")!;
    expect(r.kappa).toBeCloseTo(0.1293, 4);
    expect(r.se).toBeCloseTo(0.0686, 4);
    expect(r.low).toBeCloseTo(-0.00512, 4);
    expect(r.high).toBeCloseTo(0.2638, 4);
  });

  it("MS patients (Winnipeg): linear κw 0.3797 ASE 0.05167; unweighted 0.2079 ASE 0.05046", () => {
    const w = weightedKappa(MS_WINNIPEG, "linear")!;
    expect(w.kappa).toBeCloseTo(0.3797, 4);
    expect(w.se).toBeCloseTo(0.05167, 5);
    const u = weightedKappa(MS_WINNIPEG, "unweighted")!;
    expect(u.kappa).toBeCloseTo(0.2079, 4);
    expect(u.se).toBeCloseTo(0.05046, 5);
  });

  it("the same value whichever rater is in the rows", () => {
    const t = SEXUAL_FUN[0].map((_, j) => SEXUAL_FUN.map((r) => r[j]));
    const a = weightedKappa(SEXUAL_FUN)!;
    const b = weightedKappa(t)!;
    expect(b.kappa).toBeCloseTo(a.kappa, 12);
    expect(b.se).toBeCloseTo(a.se, 12);
  });
});

describe("weightedKappa edge cases", () => {
  it("perfect agreement over several levels is 1 with a zero-width interval", () => {
    const r = weightedKappa(pairTable([[0, 0], [1, 1], [2, 2], [3, 3], [1, 1]], 4))!;
    expect(r.kappa).toBeCloseTo(1, 12);
    expect(r.se).toBeCloseTo(0, 9);
    expect(r.high).toBe(1);
  });

  it("undefined (null) without pairs or when both raters used one level only", () => {
    expect(weightedKappa(pairTable([], 3))).toBeNull();
    expect(weightedKappa(pairTable([[2, 2], [2, 2]], 3))).toBeNull();
  });

  it("systematic opposite ratings give a negative kappa", () => {
    const r = weightedKappa(pairTable([[0, 2], [2, 0], [0, 2], [2, 0]], 3))!;
    expect(r.kappa).toBeLessThan(0);
    expect(r.low).toBeGreaterThanOrEqual(-1);
  });

  it("quadratic weights forgive a one-level miss more than linear ones", () => {
    const t = pairTable([[0, 1], [1, 2], [2, 3], [3, 3], [0, 0], [2, 2]], 4);
    expect(weightedKappa(t, "quadratic")!.kappa).toBeGreaterThan(weightedKappa(t, "linear")!.kappa);
    expect(weightMatrix(3, "linear")).toEqual([[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]]);
    expect(weightMatrix(3, "quadratic")).toEqual([[1, 0.75, 0], [0.75, 1, 0.75], [0, 0.75, 1]]);
  });

  it("refuses a level outside the scale", () => {
    expect(() => pairTable([[0, 3]], 3)).toThrow(RangeError);
  });
});
