import { describe, expect, it } from "vitest";
import { IDLE_MS, MIN_COMPLETERS, stuckAt, timeOnStage, type StuckInput } from "./stuck";

const now = Date.parse("2026-12-07T12:00:00Z");
const base: StuckInput = { now, reportedMs: 0, openSince: now - 60_000, p75Ms: 600_000, completers: 20, verdicts: [], lastActivityAt: now - 30_000, settled: false };

describe("stuckAt", () => {
  it("is quiet for a learner who just arrived", () => {
    expect(stuckAt(base)).toBeNull();
  });

  it("fires on two wrong answers in a row, not on one or on a wrong then right", () => {
    expect(stuckAt({ ...base, verdicts: ["incorrect", "incorrect"] })?.rule).toBe("wrong_answers");
    expect(stuckAt({ ...base, verdicts: ["incorrect"] })).toBeNull();
    expect(stuckAt({ ...base, verdicts: ["incorrect", "correct"] })).toBeNull();
    expect(stuckAt({ ...base, verdicts: ["correct", "incorrect", "incorrect"] })?.rule).toBe("wrong_answers");
  });

  it("fires past the p75 of completers, counting the visit still open", () => {
    const slow = stuckAt({ ...base, reportedMs: 400_000, openSince: now - 250_000, lastActivityAt: now - 1000 });
    expect(slow?.rule).toBe("slow");
    expect(slow?.reason).toContain("10 min 00 s");
    expect(stuckAt({ ...base, reportedMs: 400_000, openSince: null })).toBeNull();
  });

  it("keeps the time rule quiet with too few completers or no p75", () => {
    expect(stuckAt({ ...base, reportedMs: 10 * 600_000, completers: MIN_COMPLETERS - 1 })).toBeNull();
    expect(stuckAt({ ...base, reportedMs: 10 * 600_000, p75Ms: null })).toBeNull();
  });

  it("fires when an open stage has been quiet too long, not when the learner has left it", () => {
    expect(stuckAt({ ...base, p75Ms: null, lastActivityAt: now - IDLE_MS - 1000 })?.rule).toBe("idle");
    expect(stuckAt({ ...base, p75Ms: null, openSince: null, lastActivityAt: now - IDLE_MS - 1000 })).toBeNull();
  });

  it("offers one nudge per stage: nothing once one was opened or dismissed", () => {
    expect(stuckAt({ ...base, verdicts: ["incorrect", "incorrect"], settled: true })).toBeNull();
  });
});

describe("timeOnStage", () => {
  it("adds the open visit to what was reported, never negative", () => {
    expect(timeOnStage({ now, reportedMs: 1000, openSince: now - 2000 })).toBe(3000);
    expect(timeOnStage({ now, reportedMs: 1000, openSince: now + 5000 })).toBe(1000);
    expect(timeOnStage({ now, reportedMs: 1000, openSince: null })).toBe(1000);
  });
});
