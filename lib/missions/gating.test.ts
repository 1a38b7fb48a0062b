import { describe, expect, it } from "vitest";
import { lockState, previousTier, tierGrid, tierKey, tierLockReason, type GatingContext } from "./gating";

const base: GatingContext = {
  role: "learner",
  foundationsComplete: true,
  threshold: 2,
  passed: new Map(),
  exceptions: new Set(),
  enrolledTracks: new Set(["defender"]),
};
const m = (tier: string, track = "defender", id = `${track}-${tier}`) => ({ id, track, tier });

describe("gating", () => {
  it("locks every beginner mission until Foundations is complete, and says so", () => {
    const s = lockState(m("beginner"), { ...base, foundationsComplete: false });
    expect(s.locked).toBe(true);
    expect(s.reason).toBe("Complete Foundations to unlock beginner defender missions.");
  });

  it("opens beginner missions once Foundations is complete", () => {
    expect(lockState(m("beginner"), base)).toEqual({ locked: false, reason: null, exception: false, enrolled: true });
  });

  it("needs the threshold of passed missions of the previous tier in the same track", () => {
    expect(lockState(m("intermediate"), base).reason).toBe("Pass 2 more beginner defender missions to unlock intermediate defender missions.");
    const one = { ...base, passed: new Map([[tierKey("defender", "beginner"), 1]]) };
    expect(lockState(m("intermediate"), one).reason).toBe("Pass 1 more beginner defender mission to unlock intermediate defender missions.");
    const two = { ...base, passed: new Map([[tierKey("defender", "beginner"), 2]]) };
    expect(lockState(m("intermediate"), two).locked).toBe(false);
  });

  it("counts passes per track: offensive passes do not open defender tiers", () => {
    const ctx = { ...base, passed: new Map([[tierKey("offensive", "beginner"), 5]]) };
    expect(lockState(m("intermediate"), ctx).locked).toBe(true);
    expect(lockState(m("intermediate", "offensive"), ctx).locked).toBe(false);
  });

  it("each tier only looks at the one before it", () => {
    const ctx = { ...base, passed: { [tierKey("grc", "beginner")]: 2, [tierKey("grc", "intermediate")]: 1 } };
    expect(lockState(m("intermediate", "grc"), ctx).locked).toBe(false);
    expect(lockState(m("advanced", "grc"), ctx).reason).toBe("Pass 1 more intermediate GRC mission to unlock advanced GRC missions.");
    expect(lockState(m("mastery", "grc"), ctx).reason).toMatch(/Pass 2 more advanced GRC missions/);
  });

  it("combines Foundations and the tier threshold in one sentence", () => {
    expect(tierLockReason("defender", "intermediate", { ...base, foundationsComplete: false })).toBe(
      "Complete Foundations, then pass 2 more beginner defender missions to unlock intermediate defender missions.",
    );
  });

  it("a threshold of 0 opens every tier after Foundations", () => {
    expect(lockState(m("mastery"), { ...base, threshold: 0 }).locked).toBe(false);
  });

  it("an access exception opens one locked mission for that learner only", () => {
    const ctx = { ...base, exceptions: new Set(["defender-advanced"]) };
    expect(lockState(m("advanced"), ctx)).toMatchObject({ locked: false, exception: true });
    expect(lockState(m("advanced", "defender", "other"), ctx).locked).toBe(true);
  });

  it("mentors and admins are never gated", () => {
    for (const role of ["mentor", "admin"] as const) {
      expect(lockState(m("mastery"), { ...base, role, foundationsComplete: false }).locked).toBe(false);
    }
  });

  it("marks missions of tracks the learner did not enrol in, without locking them", () => {
    const s = lockState(m("beginner", "grc"), base);
    expect(s).toMatchObject({ locked: false, enrolled: false });
  });

  it("knows the tier order", () => {
    expect(previousTier("beginner")).toBeNull();
    expect(previousTier("mastery")).toBe("advanced");
  });

  it("builds the grid of every track × tier", () => {
    const grid = tierGrid(base);
    expect(grid).toHaveLength(20);
    expect(grid.filter((g) => g.reason === null).map((g) => g.tier)).toEqual(["beginner", "beginner", "beginner", "beginner", "beginner"]);
  });
});
