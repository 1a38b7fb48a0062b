import { describe, expect, it } from "vitest";
import { relatedRecipes, type RelatedCandidate } from "./related";

const c = (slug: string, over: Partial<RelatedCandidate> = {}): RelatedCandidate => ({
  slug,
  title: slug,
  summary: "",
  difficulty: "beginner",
  estimatedMinutes: 10,
  skills: [],
  tools: [],
  prerequisites: [],
  related: [],
  ...over,
});

const target = c("write-sigma-rule", { skills: ["sigma", "log-analysis"], tools: ["sigma-cli", "grep"], prerequisites: ["grep-auth-logs"] });
const slugs = (xs: { slug: string }[]) => xs.map((x) => x.slug);

describe("related recipes", () => {
  it("lists prerequisites first, then follow-ups, then the rest by shared skills and tools", () => {
    const r = relatedRecipes(target, [
      c("two-skills", { skills: ["sigma", "log-analysis"] }),
      c("follow", { prerequisites: ["write-sigma-rule"] }),
      c("one-tool", { tools: ["GREP"] }),
      c("grep-auth-logs", { skills: ["log-analysis"] }),
      c("one-skill", { skills: ["sigma"] }),
    ]);
    expect(slugs(r)).toEqual(["grep-auth-logs", "follow", "two-skills", "one-skill", "one-tool"]);
    expect(r.map((x) => x.kind)).toEqual(["prerequisite", "follow_up", "related", "related", "related"]);
    expect(r[0].reasons).toEqual(["Prerequisite: do it first", "Shares skills: log-analysis"]);
    expect(r[4].reasons).toEqual(["Shares tools: GREP"]);
  });

  it("a shared skill counts more than a shared tool", () => {
    const r = relatedRecipes(target, [c("tool", { tools: ["grep"] }), c("skill", { skills: ["sigma"] })]);
    expect(slugs(r)).toEqual(["skill", "tool"]);
  });

  it("boosts the author's explicit related list, in either direction", () => {
    const r = relatedRecipes({ ...target, related: ["mine"] }, [
      c("one-skill", { skills: ["sigma"] }),
      c("mine"),
      c("theirs", { related: ["write-sigma-rule"] }),
    ]);
    expect(slugs(r)).toEqual(["mine", "theirs", "one-skill"]);
    expect(r[0].reasons).toEqual(["Suggested by the author"]);
  });

  it("leaves out itself and unrelated recipes, breaks ties by slug and honours the limit", () => {
    const r = relatedRecipes(target, [c("write-sigma-rule", { skills: ["sigma"] }), c("b", { skills: ["sigma"] }), c("a", { skills: ["sigma"] }), c("zzz", { skills: ["yara"] })], 1);
    expect(slugs(r)).toEqual(["a"]);
    expect(relatedRecipes(target, [c("zzz", { skills: ["yara"] })])).toEqual([]);
  });

  it("never drops a prerequisite to meet the limit", () => {
    const r = relatedRecipes({ ...target, prerequisites: ["p1", "p2"] }, [c("p1"), c("p2"), c("x", { skills: ["sigma"] })], 1);
    expect(slugs(r)).toEqual(["p1", "p2"]);
  });
});
