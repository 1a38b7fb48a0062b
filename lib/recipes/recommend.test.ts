import { describe, expect, it } from "vitest";
import { recommend, type LearnerContext, type MissionContext, type RecipeFeatures } from "./recommend";

const f = (slug: string, over: Partial<RecipeFeatures> = {}): RecipeFeatures => ({
  slug,
  title: slug.replace(/-/g, " "),
  summary: "",
  type: "technical",
  difficulty: "beginner",
  estimatedMinutes: 10,
  skills: [],
  prerequisites: [],
  completed: false,
  linkedStages: [],
  linkedToMission: false,
  linkedMissions: [],
  mentorRecommended: false,
  effect: null,
  ...over,
});

const mission: MissionContext = {
  stage: { key: "detect", title: "Detect", number: 2, requiredSkills: ["sigma", "log-analysis"] },
  next: [{ key: "report", title: "Report", number: 3, requiredSkills: ["communication"] }],
};
const noLearner: LearnerContext = { gaps: [], tracks: [] };
const slugs = (xs: { slug: string }[]) => xs.map((x) => x.slug);

describe("recommend at a mission stage", () => {
  it("puts the recipe the author linked to this stage first and says so", () => {
    const r = recommend([f("a", { skills: ["sigma"] }), f("b", { linkedStages: ["detect"] })], { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["b", "a"]);
    expect(r[0].reasons).toContain("Recommended for stage 2 by the author");
  });

  it("ranks more overlap with the stage's required skills higher, naming the skills", () => {
    const r = recommend([f("one", { skills: ["sigma"] }), f("two", { skills: ["sigma", "log-analysis"] })], { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["two", "one"]);
    expect(r[0].reasons).toContain("Covers sigma and log-analysis, needed in this stage");
    expect(r[1].reasons).toEqual(["Covers sigma, needed in this stage"]);
  });

  it("counts skills of the next stages, less than the current stage's", () => {
    const r = recommend([f("next", { skills: ["communication"] }), f("now", { skills: ["sigma"] }), f("none", { skills: ["yara"] })], { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["now", "next"]);
    expect(r[1].reasons).toEqual(["Covers communication, needed in the next stage"]);
  });

  it("links to the next stage rank above links elsewhere in the mission", () => {
    const r = recommend([f("elsewhere", { linkedStages: ["triage"] }), f("upcoming", { linkedStages: ["report"] })], { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["upcoming", "elsewhere"]);
    expect(r[0].reasons[0]).toBe("Recommended by the author for the next stage, “Report”");
    expect(r[1].reasons[0]).toBe("Recommended by the author for this mission");
  });

  it("moves recipes covering the learner's gaps up", () => {
    const feats = [f("a", { skills: ["sigma"] }), f("b", { skills: ["log-analysis"] })];
    expect(slugs(recommend(feats, { mission, learner: noLearner }))).toEqual(["a", "b"]); // tie by slug
    const r = recommend(feats, { mission, learner: { gaps: ["log-analysis"], tracks: [] } });
    expect(slugs(r)).toEqual(["b", "a"]);
    expect(r[0].reasons).toContain("Covers log-analysis, where your reviews scored low");
  });

  it("uses measured effectiveness in both directions and words it", () => {
    const feats = [f("a", { skills: ["sigma"], effect: 0.18 }), f("b", { skills: ["sigma"] }), f("c", { skills: ["sigma"], effect: -0.1 })];
    const r = recommend(feats, { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["a", "b", "c"]);
    expect(r[0].reasons).toContain("Learners who used it passed 18 points more often");
    expect(r[2].reasons).toContain("Learners who used it passed 10 points less often");
  });

  it("ranks completed recipes lower and says why", () => {
    const feats = [f("a", { linkedStages: ["detect"], completed: true }), f("b", { skills: ["sigma"] })];
    const r = recommend(feats, { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["b", "a"]);
    expect(r[1].completed).toBe(true);
    expect(r[1].reasons).toEqual(["Recommended for stage 2 by the author", "You already completed it"]);
  });

  it("puts a mentor's recommendation up with its reason", () => {
    const r = recommend([f("a", { skills: ["sigma"] }), f("b", { mentorRecommended: true })], { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["b", "a"]);
    expect(r[0].reasons).toEqual(["Your mentor recommended it"]);
  });

  it("leaves out recipes with no signal at all", () => {
    expect(recommend([f("unrelated", { skills: ["yara"] })], { mission, learner: noLearner })).toEqual([]);
    // Completion alone never recommends anything.
    expect(recommend([f("done", { completed: true })], { mission, learner: noLearner })).toEqual([]);
  });

  it("every reason matches a signal: a recipe with one signal has exactly one reason", () => {
    const r = recommend([f("a", { linkedStages: ["detect"] })], { mission, learner: noLearner });
    expect(r[0].reasons).toEqual(["Recommended for stage 2 by the author"]);
    expect(r[0].score).toBe(40);
  });

  it("places a missing prerequisite right before the recipe that needs it", () => {
    const feats = [
      f("write-sigma-rule", { linkedStages: ["detect"], skills: ["sigma"], prerequisites: ["grep-auth-logs"], title: "Write a Sigma rule" }),
      f("grep-auth-logs", { skills: ["yara"] }),
      f("other", { skills: ["log-analysis"] }),
    ];
    const r = recommend(feats, { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["grep-auth-logs", "write-sigma-rule", "other"]);
    expect(r[0].prerequisiteOf).toBe("write-sigma-rule");
    expect(r[0].reasons[0]).toBe("Prerequisite of “Write a Sigma rule”: do it first");
  });

  it("moves a prerequisite that was recommended anyway ahead of its follow-up, keeping its own reasons", () => {
    const feats = [
      f("advanced", { linkedStages: ["detect"], prerequisites: ["basic"] }),
      f("basic", { skills: ["log-analysis"] }),
    ];
    const r = recommend(feats, { mission, learner: noLearner });
    expect(slugs(r)).toEqual(["basic", "advanced"]);
    expect(r[0].reasons).toEqual(["Prerequisite of “advanced”: do it first", "Covers log-analysis, needed in this stage"]);
  });

  it("does not pull in prerequisites the learner completed, and survives prerequisite cycles", () => {
    const done = recommend([f("adv", { linkedStages: ["detect"], prerequisites: ["basic"] }), f("basic", { completed: true })], { mission, learner: noLearner });
    expect(slugs(done)).toEqual(["adv"]);
    const cyc = recommend([f("x", { linkedStages: ["detect"], prerequisites: ["y"] }), f("y", { prerequisites: ["x"] })], { mission, learner: noLearner });
    expect(slugs(cyc)).toEqual(["y", "x"]);
  });

  it("respects the limit without separating a prerequisite from its recipe", () => {
    const feats = [
      f("a", { skills: ["sigma", "log-analysis"] }),
      f("b", { skills: ["sigma"], prerequisites: ["p"] }),
      f("c", { skills: ["log-analysis"] }),
      f("p"),
    ];
    expect(slugs(recommend(feats, { mission, learner: noLearner, limit: 1 }))).toEqual(["a"]);
    expect(slugs(recommend(feats, { mission, learner: noLearner, limit: 2 }))).toEqual(["a", "p", "b"]);
  });

  it("is deterministic: same input in any order gives the same output, ties by slug", () => {
    const feats = ["d", "b", "a", "c"].map((s) => f(s, { skills: ["sigma"] }));
    const one = recommend(feats, { mission, learner: noLearner });
    const two = recommend([...feats].reverse(), { mission, learner: noLearner });
    expect(slugs(one)).toEqual(["a", "b", "c", "d"]);
    expect(two).toEqual(one);
  });
});

describe("recommend outside a mission", () => {
  const learner: LearnerContext = { gaps: [], tracks: [{ track: "defender", tier: "beginner" }] };
  it("prefers recipes used in the learner's tracks at their tier", () => {
    const feats = [
      f("other-track", { linkedMissions: [{ track: "grc", tier: "beginner" }] }),
      f("higher-tier", { linkedMissions: [{ track: "defender", tier: "advanced" }], difficulty: "advanced" }),
      f("at-tier", { linkedMissions: [{ track: "defender", tier: "beginner" }] }),
    ];
    const r = recommend(feats, { mission: null, learner });
    expect(slugs(r)).toEqual(["at-tier", "higher-tier"]);
    expect(r[0].reasons).toEqual(["Used in Defender beginner missions, your current level", "Matches your level (beginner)"]);
    expect(r[1].reasons).toEqual(["Used in Defender missions, a track you follow"]);
  });

  it("adds the learner's gaps and lowers completed recipes", () => {
    const feats = [
      f("a", { linkedMissions: [{ track: "defender", tier: "beginner" }], completed: true }),
      f("b", { skills: ["sigma"] }),
    ];
    const r = recommend(feats, { mission: null, learner: { ...learner, gaps: ["sigma"] } });
    expect(slugs(r)).toEqual(["b", "a"]);
    expect(r[0].reasons).toEqual(["Covers sigma, where your reviews scored low"]);
  });

  it("suggests beginner recipes to a learner with no track yet", () => {
    const r = recommend([f("easy"), f("hard", { difficulty: "advanced" })], { mission: null, learner: { gaps: [], tracks: [] } });
    expect(slugs(r)).toEqual(["easy"]);
    expect(r[0].reasons).toEqual(["A beginner recipe: a good place to start"]);
  });
});
