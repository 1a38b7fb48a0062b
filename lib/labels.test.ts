import { describe, expect, it } from "vitest";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { countOf, formatDuration, tierLabel, trackInSentence, trackLabel, ordinal, timeAgo } from "./labels";

describe("trackLabel", () => {
  it("spells GRC as an acronym and capitalises the other tracks", () => {
    expect(TRACKS.map(trackLabel)).toEqual(["Defender", "Offensive", "GRC", "Innovation", "Leadership"]);
  });

  it("capitalises a value it does not know and leaves an empty one empty", () => {
    expect(trackLabel("red_team")).toBe("Red_team");
    expect(trackLabel("")).toBe("");
  });
});

describe("tierLabel", () => {
  it("capitalises every tier", () => {
    expect(TIERS.map(tierLabel)).toEqual(["Beginner", "Intermediate", "Advanced", "Mastery"]);
  });
});

describe("countOf", () => {
  it("uses the singular for exactly one and the plural otherwise, zero included", () => {
    expect(countOf(1, "learner")).toBe("1 learner");
    expect(countOf(0, "learner")).toBe("0 learners");
    expect(countOf(3, "more mission")).toBe("3 more missions");
    expect(countOf(2, "analysis", "analyses")).toBe("2 analyses");
  });
});

describe("trackInSentence", () => {
  it("keeps tracks lower case inside a sentence, except the GRC acronym", () => {
    expect(TRACKS.map(trackInSentence)).toEqual(["defender", "offensive", "GRC", "innovation", "leadership"]);
  });
});

describe("ordinal", () => {
  it("gives st, nd and rd to 1, 2 and 3 but th to 11, 12 and 13, in every hundred", () => {
    expect([0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 50, 100, 101, 111, 112].map(ordinal)).toEqual([
      "0th", "1st", "2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "14th", "21st", "22nd", "23rd", "50th", "100th", "101st", "111th", "112th",
    ]);
  });
});

describe("timeAgo", () => {
  const now = Date.parse("2026-12-07T12:00:00Z");
  const ago = (ms: number) => timeAgo(new Date(now - ms), now);
  it("says just now under a minute, and never a negative time", () => {
    expect(ago(20_000)).toBe("just now");
    expect(ago(-60_000)).toBe("just now");
  });
  it("counts minutes, then hours, then days", () => {
    expect(ago(12 * 60_000)).toBe("12 min ago");
    expect(ago(3 * 3_600_000)).toBe("3 h ago");
    expect(ago(2 * 86_400_000)).toBe("2 days ago");
  });
});

describe("formatDuration", () => {
  it("formats durations for people", () => {
    expect(formatDuration(12_000)).toBe("12 s");
    expect(formatDuration(250_000)).toBe("4 min 10 s");
    expect(formatDuration(3_900_000)).toBe("1 h 05 min");
    expect(formatDuration(null)).toBe("—");
  });
});
