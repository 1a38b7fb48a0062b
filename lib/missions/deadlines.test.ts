import { describe, expect, it } from "vitest";
import { computeDeadline, deadlineStatus, expiryOutcome, formatRemaining, isPastDeadline, warningFor } from "./deadlines";

const start = new Date("2026-03-14T02:00:00Z");
const at = (min: number) => new Date(start.getTime() + min * 60_000);

describe("deadlines", () => {
  it("deadline_at is started_at plus the time constraint, none without one", () => {
    expect(computeDeadline(start, 2)?.toISOString()).toBe("2026-03-14T04:00:00.000Z");
    expect(computeDeadline(start, 0.5)?.toISOString()).toBe("2026-03-14T02:30:00.000Z");
    expect(computeDeadline(start, null)).toBeNull();
    expect(computeDeadline(start, 0)).toBeNull();
  });

  it("reports the remaining fraction and warns at 25% and 10%", () => {
    const d = computeDeadline(start, 1)!; // 60 minutes
    expect(deadlineStatus(start, d, at(0))).toMatchObject({ remainingFraction: 1, warning: "none" });
    expect(deadlineStatus(start, d, at(44)).warning).toBe("none");
    expect(deadlineStatus(start, d, at(45))).toMatchObject({ remainingFraction: 0.25, warning: "quarter" });
    expect(deadlineStatus(start, d, at(53)).warning).toBe("quarter");
    expect(deadlineStatus(start, d, at(54))).toMatchObject({ warning: "tenth" });
    expect(deadlineStatus(start, d, at(60))).toMatchObject({ remainingMs: 0, remainingFraction: 0, warning: "expired" });
    expect(deadlineStatus(start, d, at(90)).remainingMs).toBe(0);
  });

  it("has no warning and no remaining time without a deadline", () => {
    expect(deadlineStatus(start, null, at(1000))).toEqual({ deadlineAt: null, remainingMs: null, remainingFraction: null, warning: "none" });
  });

  it("is past the deadline exactly at deadline_at", () => {
    const d = at(60);
    expect(isPastDeadline(d, at(59))).toBe(false);
    expect(isPastDeadline(d, at(60))).toBe(true);
    expect(isPastDeadline(null, at(10_000))).toBe(false);
  });

  it("expires or auto-submits per the mission", () => {
    expect(expiryOutcome(true)).toBe("submitted");
    expect(expiryOutcome(false)).toBe("expired");
  });

  it("warning thresholds are inclusive", () => {
    expect(warningFor(0.2500001, 10)).toBe("none");
    expect(warningFor(0.1, 10)).toBe("tenth");
    expect(warningFor(0.5, 0)).toBe("expired");
  });

  it("formats remaining time for people", () => {
    expect(formatRemaining(2 * 3600_000 + 5 * 60_000)).toBe("2 h 05 min");
    expect(formatRemaining(4 * 60_000 + 10_000)).toBe("4 min 10 s");
    expect(formatRemaining(-5)).toBe("0 s");
  });
});
