import { describe, expect, it } from "vitest";
import { cellMask } from "./items";

const bits = (mask: number) => mask.toString(2).split("").filter((b) => b === "1").length;

describe("learner cell masks", () => {
  it("cover every track × tier cell a filter selects, and no other", () => {
    expect(bits(cellMask({}))).toBe(20);
    expect(bits(cellMask({ track: "defender" }))).toBe(4);
    expect(bits(cellMask({ tier: "mastery" }))).toBe(5);
    expect(bits(cellMask({ track: "grc", tier: "advanced" }))).toBe(1);
    // Cells are disjoint: the five tracks' masks partition the whole.
    const tracks = ["defender", "offensive", "grc", "innovation", "leadership"].map((track) => cellMask({ track }));
    expect(tracks.reduce((a, m) => a | m, 0)).toBe(cellMask({}));
    expect(tracks.reduce((a, m) => a + m, 0)).toBe(cellMask({}));
    expect(cellMask({ track: "defender", tier: "beginner" }) & cellMask({ track: "offensive" })).toBe(0);
  });
});
