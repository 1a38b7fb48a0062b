import { describe, expect, it } from "vitest";
import { activePreset, presetFrom } from "./presets";

describe("date presets", () => {
  const now = new Date("2026-03-01T23:30:00Z");

  it("counts today as the last of the days, in UTC", () => {
    expect(presetFrom(1, now)).toBe("2026-03-01");
    expect(presetFrom(7, now)).toBe("2026-02-23");
    expect(presetFrom(30, now)).toBe("2026-01-31");
    // Just after midnight UTC it is already the next day, whatever the server's zone.
    expect(presetFrom(7, new Date("2026-03-02T00:00:01Z"))).toBe("2026-02-24");
  });

  it("recognises a preset only with an open end", () => {
    expect(activePreset({ from: "2026-02-23" }, now)).toBe(7);
    expect(activePreset({ from: "2025-12-02" }, now)).toBe(90);
    expect(activePreset({ from: "2026-02-23", to: "2026-03-01" }, now)).toBeNull();
    expect(activePreset({ from: "2026-02-22" }, now)).toBeNull();
    expect(activePreset({}, now)).toBeNull();
  });
});
