import { describe, expect, it } from "vitest";
import { decisionAdjustment, hintAdjustment } from "./format";

describe("decisionAdjustment", () => {
  it("says none when no decision was made, never +0", () => {
    expect(decisionAdjustment(0, 0)).toEqual({ value: "none", hint: "No decisions on your path" });
  });

  it("says ±0 when decisions were made but changed nothing", () => {
    expect(decisionAdjustment(0, 2).value).toBe("±0");
  });

  it("keeps the sign of a real adjustment, with a true minus sign", () => {
    expect(decisionAdjustment(5, 2)).toEqual({ value: "+5", hint: "Added to the score" });
    expect(decisionAdjustment(-3, 1)).toEqual({ value: "−3", hint: "Taken off the score" });
    expect(decisionAdjustment(2.5, 1).value).toBe("+2.5");
  });
});

describe("hintAdjustment", () => {
  it("says none without a hint penalty, never −0", () => {
    expect(hintAdjustment(0)).toEqual({ value: "none", hint: "No hint penalty" });
  });

  it("shows a penalty with a minus sign", () => {
    expect(hintAdjustment(4)).toEqual({ value: "−4", hint: "Penalty points" });
    expect(hintAdjustment(1.5).value).toBe("−1.5");
  });
});
