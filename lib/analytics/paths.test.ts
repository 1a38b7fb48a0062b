import { describe, expect, it } from "vitest";
import { expertPath, pathDeviation, type PathMission } from "./paths";

const m: PathMission = {
  stages: [{ key: "triage" }, { key: "contain" }, { key: "watch" }, { key: "detect" }, { key: "report" }],
  decisions: [
    { key: "respond", after_stage: "triage", choices: [{ id: "block", next_stage: "contain", ideal: true }, { id: "watch", next_stage: "watch" }] },
    { key: "next", after_stage: "contain", choices: [{ id: "detect", next_stage: "detect" }, { id: "report", next_stage: "report", ideal: true }] },
  ],
};

describe("expert path", () => {
  it("follows the ideal choice of every decision", () => {
    expect(expertPath(m)).toEqual(["triage", "contain", "report"]);
  });
  it("is the stages in order when there are no decisions", () => {
    expect(expertPath({ stages: [{ key: "a" }, { key: "b" }], decisions: [] })).toEqual(["a", "b"]);
  });
});

describe("path deviation", () => {
  it("is 0 on the expert path and counts each decision that went elsewhere", () => {
    expect(pathDeviation(m, ["triage", "contain", "report"])).toBe(0);
    expect(pathDeviation(m, ["triage", "contain", "detect", "report"])).toBe(1);
    expect(pathDeviation(m, ["triage", "watch", "detect", "report"])).toBe(1);
  });
  it("does not count a decision the learner has not made yet", () => {
    expect(pathDeviation(m, ["triage"])).toBe(0);
  });
});
