import { describe, expect, it } from "vitest";
import { biggestDropOff, dropOffByStage, funnel, isAbandoned, percentileRank, quantile, rate, scoreBuckets } from "./math";

describe("funnel", () => {
  it("is empty for no steps", () => {
    expect(funnel([])).toEqual([]);
  });

  it("computes overall and step-to-step conversion and drop-off", () => {
    const f = funnel([
      { key: "start", label: "Started", count: 200 },
      { key: "s1", label: "Stage 1", count: 150 },
      { key: "s2", label: "Stage 2", count: 60 },
      { key: "sub", label: "Submitted", count: 45 },
    ]);
    expect(f.map((s) => s.overall)).toEqual([1, 0.75, 0.3, 0.225]);
    expect(f.map((s) => s.step)).toEqual([1, 0.75, 0.4, 0.75]);
    expect(f.map((s) => s.dropped)).toEqual([0, 50, 90, 15]);
    expect(biggestDropOff(f)?.key).toBe("s2");
  });

  it("never converts above 100% when a later step has more (out-of-order) counts", () => {
    const f = funnel([
      { key: "a", label: "A", count: 10 },
      { key: "b", label: "B", count: 12 },
      { key: "c", label: "C", count: 5 },
    ]);
    expect(f[1].count).toBe(10);
    expect(f[1].step).toBe(1);
    expect(f[2].step).toBe(0.5);
  });

  it("handles a funnel nobody entered without dividing by zero", () => {
    const f = funnel([
      { key: "a", label: "A", count: 0 },
      { key: "b", label: "B", count: 0 },
    ]);
    expect(f.map((s) => [s.overall, s.step, s.dropped])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(biggestDropOff(f)).toBeNull();
  });
});

describe("quantile", () => {
  it("returns null for no data and the value for one", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
  });
  it("interpolates like percentile_cont", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46);
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });
});

describe("percentileRank", () => {
  it("counts ties as half", () => {
    // 10 scores, 6 below ours, 2 equal to ours (including ours): (6 + 1) / 10
    expect(percentileRank(6, 2, 10)).toBe(70);
  });
  it("is 50 for the only value and null with nobody", () => {
    expect(percentileRank(0, 1, 1)).toBe(50);
    expect(percentileRank(0, 0, 0)).toBeNull();
  });
  it("stays within 0–100", () => {
    expect(percentileRank(99, 1, 100)).toBe(99.5);
    expect(percentileRank(0, 1, 100)).toBe(0.5);
  });
});

describe("drop-off", () => {
  const now = new Date("2026-05-20T00:00:00Z");
  it("marks open attempts idle for N days as abandoned, never finished ones", () => {
    expect(isAbandoned({ state: "in_progress", lastActivityAt: new Date("2026-05-12T00:00:00Z") }, now, 7)).toBe(true);
    expect(isAbandoned({ state: "in_progress", lastActivityAt: new Date("2026-05-14T00:00:01Z") }, now, 7)).toBe(false);
    expect(isAbandoned({ state: "submitted", lastActivityAt: new Date("2026-01-01T00:00:00Z") }, now, 7)).toBe(false);
    expect(isAbandoned({ state: "changes_requested", lastActivityAt: new Date("2026-01-01T00:00:00Z") }, now, 7)).toBe(true);
  });
  it("ranks stages by how many abandoned attempts stopped there", () => {
    const d = dropOffByStage([
      { stage: "triage", count: 3 },
      { stage: "contain", count: 6 },
      { stage: null, count: 1 },
    ]);
    expect(d.map((x) => x.stage)).toEqual(["contain", "triage", "(before first stage)"]);
    expect(d[0].share).toBeCloseTo(0.6);
  });
});

describe("helpers", () => {
  it("rate is 0 with nothing to divide by", () => {
    expect(rate(3, 0)).toBe(0);
    expect(rate(1, 4)).toBe(0.25);
  });
  it("bins scores into ten buckets with 100 in the last", () => {
    const b = scoreBuckets([
      { bucket: 0, count: 2 },
      { bucket: 9, count: 1 },
      { bucket: 10, count: 4 },
    ]);
    expect(b).toHaveLength(10);
    expect(b[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(b[9]).toEqual({ from: 90, to: 100, count: 5 });
  });
});
