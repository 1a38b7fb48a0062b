import { describe, expect, it } from "vitest";
import { waitWords } from "./awaiting-review";
import { stagesToRevisit } from "./changes-requested";

describe("awaiting review words", () => {
  it("says a wait the way a learner would", () => {
    expect([0.5, 1, 2, 18.4, 35, 36, 48, 100].map(waitWords)).toEqual(["about an hour", "about an hour", "about 2 hours", "about 18 hours", "about 35 hours", "about 2 days", "about 2 days", "about 4 days"]);
  });
});

describe("stages to revisit after changes are requested", () => {
  const scores = [
    { stage: "triage", points: 2, max_points: 2 },
    { stage: "contain", points: 1, max_points: 3 },
    { stage: "report", points: 0, max_points: 2 },
    { stage: null, points: 1, max_points: 4 },
  ];
  it("are the stages the mentor wrote about, in path order", () => {
    expect(stagesToRevisit({ stage_feedback: { report: "Name the owner.", triage: "Quote the line.", contain: "  " }, scores } as never, ["triage", "contain", "report"])).toEqual(["triage", "report"]);
  });
  it("fall back to the stages scored below full marks when nothing was written per stage", () => {
    expect(stagesToRevisit({ stage_feedback: {}, scores } as never, ["triage", "contain", "report"])).toEqual(["contain", "report"]);
  });
});
