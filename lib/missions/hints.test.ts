import { describe, expect, it } from "vitest";
import { checkUnlock, hintViews, nextHintLevel, penaltyTotal } from "./hints";

const hints = [
  { text: "Look at Failed password lines.", penalty: 2 },
  { text: "Count per IP with uniq -c.", penalty: 5 },
  { text: "It is 203.0.113.45.", penalty: 10 },
];

describe("hints", () => {
  it("unlocks strictly in order", () => {
    expect(nextHintLevel(hints, [])).toBe(1);
    expect(nextHintLevel(hints, [1])).toBe(2);
    expect(nextHintLevel(hints, [1, 2, 3])).toBeNull();
    expect(checkUnlock(hints, [])).toEqual({ ok: true, level: 1, penalty: 2, text: hints[0].text });
    expect(checkUnlock(hints, [1], 2)).toMatchObject({ ok: true, level: 2, penalty: 5 });
  });

  it("refuses to skip a level or unlock one twice", () => {
    expect(checkUnlock(hints, [], 2)).toMatchObject({ ok: false, reason: "out_of_order", message: expect.stringContaining("hint 1 first") });
    expect(checkUnlock(hints, [1, 2], 1)).toMatchObject({ ok: false, reason: "out_of_order" });
    expect(checkUnlock(hints, [1, 2, 3])).toMatchObject({ ok: false, reason: "all_unlocked" });
    expect(checkUnlock([], [])).toMatchObject({ ok: false, reason: "no_hints" });
  });

  it("sums penalties of unlocked hints", () => {
    expect(penaltyTotal([])).toBe(0);
    expect(penaltyTotal([{ penalty: 2 }, { penalty: 5 }])).toBe(7);
    expect(penaltyTotal(hints)).toBe(17);
  });

  it("never shows the text of a locked hint", () => {
    const v = hintViews(hints, [1]);
    expect(v[0]).toEqual({ level: 1, penalty: 2, unlocked: true, text: hints[0].text });
    expect(v[1]).toEqual({ level: 2, penalty: 5, unlocked: false });
    expect(JSON.stringify(v)).not.toContain("uniq");
    expect(JSON.stringify(v)).not.toContain("203.0.113.45");
  });
});
