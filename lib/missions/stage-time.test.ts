import { describe, expect, it } from "vitest";
import { formatDuration, timePerStage } from "./stage-time";

const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min));
const ev = (type: string, stageKey: string, min: number) => ({ type, stageKey, occurredAt: t(min) });

describe("timePerStage", () => {
  it("sums visits per stage", () => {
    expect(timePerStage([ev("stage.entered", "a", 0), ev("stage.left", "a", 5), ev("stage.entered", "b", 6), ev("stage.left", "b", 10), ev("stage.entered", "a", 12), ev("stage.left", "a", 14)])).toEqual({ a: 420, b: 240 });
  });
  it("sorts events by time and closes an open visit when another stage is entered", () => {
    expect(timePerStage([ev("stage.entered", "b", 3), ev("stage.entered", "a", 0)])).toEqual({ a: 180 });
  });
  it("ignores duplicate enters and unmatched leaves", () => {
    expect(timePerStage([ev("stage.entered", "a", 0), ev("stage.entered", "a", 2), ev("stage.left", "b", 3), ev("stage.left", "a", 4)])).toEqual({ a: 240 });
  });
  it("no events, no times", () => {
    expect(timePerStage([])).toEqual({});
  });
});

describe("formatDuration", () => {
  it.each([
    [40, "40 s"],
    [720, "12 min"],
    [3900, "1 h 05 min"],
  ])("%s s → %s", (s, want) => expect(formatDuration(s)).toBe(want));
});
