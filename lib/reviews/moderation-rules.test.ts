import { describe, expect, it } from "vitest";
import { compareMarks, driftByWeek, isSampled, weekOf } from "./moderation-rules";

const count = (n: number, pct: number) => Array.from({ length: n }, (_, i) => isSampled(i + 1, pct)).filter(Boolean).length;

describe("isSampled", () => {
  it("samples exactly the set rate over any run of marks", () => {
    expect(count(10, 20)).toBe(2);
    expect(count(100, 20)).toBe(20);
    expect(count(100, 33)).toBe(33);
    expect(count(7, 0)).toBe(0);
    expect(count(7, 100)).toBe(7);
    // Every window of 5 consecutive marks at 20% holds exactly one sampled mark.
    for (let s = 1; s <= 50; s++) expect(Array.from({ length: 5 }, (_, i) => isSampled(s + i, 20)).filter(Boolean).length).toBe(1);
  });
  it("at 20% it is every fifth mark", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => isSampled(n, 20))).toEqual([false, false, false, false, true, false, true]);
  });
  it("refuses a count from 0", () => expect(() => isSampled(0, 20)).toThrow(RangeError));
});

describe("compareMarks (the moderation decision rule)", () => {
  const base = { outcome: "approved", score: 80, levels: { a: 2, b: 3 } };
  it("agrees within one level and within the threshold", () => {
    const r = compareMarks(base, { outcome: "approved", score: 71, levels: { a: 1, b: 3 } }, 10);
    expect(r.disagree).toBe(false);
    expect(r.reasons).toEqual([]);
  });
  it("a score gap of exactly the threshold still agrees; above it goes to a moderator", () => {
    expect(compareMarks(base, { ...base, score: 70 }, 10).disagree).toBe(false);
    const r = compareMarks(base, { ...base, score: 69.9 }, 10);
    expect(r.disagree).toBe(true);
    expect(r.score_difference).toBe(10.1);
  });
  it("different outcomes always go to a moderator", () => {
    const r = compareMarks(base, { ...base, outcome: "changes_requested" });
    expect(r.disagree).toBe(true);
    expect(r.reasons[0]).toMatch(/outcomes differ/);
  });
  it("a criterion two levels apart goes to a moderator, naming it", () => {
    const r = compareMarks(base, { ...base, levels: { a: 0, b: 3 } });
    expect(r.disagree).toBe(true);
    expect(r.criteria).toEqual(["a"]);
  });
});

describe("driftByWeek", () => {
  it("buckets by ISO week (Monday, UTC) and averages the differences", () => {
    expect(weekOf(new Date("2026-12-06T23:00:00Z"))).toBe("2026-11-30"); // a Sunday
    expect(weekOf(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-07"); // a Monday
    const d = driftByWeek([
      { at: new Date("2026-12-08T10:00:00Z"), difference: 5 },
      { at: new Date("2026-12-01T10:00:00Z"), difference: -4 },
      { at: new Date("2026-12-09T10:00:00Z"), difference: 10 },
    ]);
    expect(d).toEqual([
      { week: "2026-11-30", marks: 1, mean_difference: -4 },
      { week: "2026-12-07", marks: 2, mean_difference: 7.5 },
    ]);
  });
});
