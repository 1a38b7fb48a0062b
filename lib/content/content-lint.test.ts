import { describe, expect, it } from "vitest";
import { demoPack } from "./demo-pack";
import { missionSchema, recipeSchema, contentPackSchema, MISSION_CODE, type MissionInput, type RecipeInput } from "./schemas";
import { validatePack } from "./validate";
import { validateGraph, allPaths } from "@/lib/missions/graph";
import { isSkill } from "./skills";
import { FOUNDATIONS } from "./foundations";
import { MISSIONS } from "./missions";
import { RECIPES } from "./recipes";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";

// Content lint (issue 4): the demo catalogue must be complete, consistent and free of placeholders.
// Each check is its own case, parameterised over missions/recipes so a failure names the culprit.

const pack = contentPackSchema.parse(demoPack());
const missions = pack.missions;
const recipes = pack.recipes;
const recipeSlugs = new Set(recipes.map((r) => r.slug));
const missionCases = missions.map((m) => [m.code, m] as const);
const recipeCases = recipes.map((r) => [r.slug, r] as const);
const stageCases = missions.flatMap((m) => m.stages.map((s) => [`${m.code}/${s.key}`, m, s] as const));

// Catalogue-size checks (issue 4) are switched on once the full catalogue is in.
const CATALOGUE_COMPLETE = true;

const PLACEHOLDER = /lorem ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|example\.com|xxx+/i;

/** Every string inside a value, with its path, for placeholder scanning. */
function strings(v: unknown, path = ""): [string, string][] {
  if (typeof v === "string") return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** Lint rules beyond the pack validator, returned as messages so negative tests can assert on them. */
function lintMission(m: MissionInput, knownRecipes: Set<string>): string[] {
  const errors: string[] = [];
  const parsed = missionSchema.safeParse(m);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const mission = parsed.data;
  for (const e of validateGraph(mission)) errors.push(`${e.path}: ${e.message}`);
  for (const s of mission.stages) {
    if (s.required_skills.length === 0) errors.push(`stage ${s.key}: no required skills`);
    for (const t of s.required_skills) if (!isSkill(t)) errors.push(`stage ${s.key}: unknown skill "${t}"`);
    if (s.recipes.length === 0) errors.push(`stage ${s.key}: no recipes`);
    for (const r of s.recipes) if (!knownRecipes.has(r)) errors.push(`stage ${s.key}: unknown recipe "${r}"`);
    if (!mission.rubric.some((c) => c.stage === s.key)) errors.push(`stage ${s.key}: no rubric criterion`);
  }
  return errors;
}

describe("demo pack", () => {
  it("passes validatePack (schemas, graphs, skills, references)", () => {
    const result = validatePack(demoPack());
    if (!result.ok) expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("includes the Foundations modules", () => {
    expect(pack.foundations.map((f) => f.slug)).toEqual(FOUNDATIONS.map((f) => f.slug));
  });

  it("lists every mission and recipe file in the indexes", () => {
    expect(MISSIONS.length).toBe(missions.length);
    expect(RECIPES.length).toBe(recipes.length);
  });

  it("has unique mission codes", () => {
    const codes = missions.map((m) => m.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it("has unique recipe slugs", () => {
    const slugs = recipes.map((r) => r.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it.skipIf(!CATALOGUE_COMPLETE)("has at least 22 missions", () => {
    expect(missions.length).toBeGreaterThanOrEqual(22);
  });

  it("has at least 30 recipes", () => {
    expect(recipes.length).toBeGreaterThanOrEqual(30);
  });

  it.skipIf(!CATALOGUE_COMPLETE)("has at least six missions with decision points", () => {
    expect(missions.filter((m) => m.decisions.length > 0).length).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(!CATALOGUE_COMPLETE)("has decision missions in every tier", () => {
    const tiers = new Set(missions.filter((m) => m.decisions.length > 0).map((m) => m.tier));
    expect([...TIERS].filter((t) => !tiers.has(t))).toEqual([]);
  });

  it("has at least three flagship missions (≥2 decisions, branches of different length)", () => {
    const flagships = missions.filter((m) => {
      if (m.decisions.length < 2) return false;
      const lengths = new Set(allPaths(m).map((p) => p.length));
      return lengths.size > 1;
    });
    expect(flagships.length).toBeGreaterThanOrEqual(3);
  });

  it("includes the SIEM-01 flagship the end-to-end tests play", () => {
    const siem = missions.find((m) => m.code === "SIEM-01");
    expect(siem).toBeDefined();
    expect(siem!.track).toBe("defender");
    expect(siem!.tier).toBe("beginner");
    expect(siem!.status).toBe("published");
    expect(siem!.time_constraint_hours).toBeNull();
    expect(siem!.reflection_required).toBe(true);
    expect(siem!.decisions.length).toBeGreaterThanOrEqual(2);
    expect(siem!.stages.some((s) => s.evidence.required && s.evidence.min_files >= 1)).toBe(true);
    expect(siem!.stages.every((s) => s.notes_min_chars <= 40)).toBe(true);
  });

  it("has a time-limited mission that auto-submits on its deadline", () => {
    expect(missions.some((m) => m.time_constraint_hours !== null && m.auto_submit_on_deadline)).toBe(true);
  });

  it("covers every skill a stage requires with at least one recipe", () => {
    const covered = new Set(recipes.flatMap((r) => r.skills));
    const required = new Set(missions.flatMap((m) => m.stages.flatMap((s) => s.required_skills)));
    expect([...required].filter((s) => !covered.has(s)).sort()).toEqual([]);
  });
});

describe.skipIf(!CATALOGUE_COMPLETE)("track × tier coverage", () => {
  const grid = TRACKS.flatMap((track) => TIERS.map((tier) => [track, tier] as const));
  it.each(grid)("%s / %s has a published mission", (track, tier) => {
    expect(missions.some((m) => m.track === track && m.tier === tier && m.status === "published")).toBe(true);
  });

  it.each([...TRACKS])("%s has at least two published beginner missions", (track) => {
    expect(missions.filter((m) => m.track === track && m.tier === "beginner" && m.status === "published").length).toBeGreaterThanOrEqual(2);
  });

  // Every tier of every track must be reachable: a tier unlocks after 2 passes of the previous one.
  const progression = TRACKS.flatMap((track) =>
    (["beginner", "intermediate", "advanced"] as const).map((tier) => [track, tier] as const),
  );
  it.each(progression)("%s / %s has at least two published missions (tier unlocking)", (track, tier) => {
    expect(missions.filter((m) => m.track === track && m.tier === tier && m.status === "published").length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(missionCases)("mission %s", (code, m) => {
  it("has a well-formed code", () => {
    expect(code).toMatch(MISSION_CODE);
  });

  it("has a valid graph", () => {
    expect(validateGraph(m)).toEqual([]);
  });

  it("passes the mission lint", () => {
    expect(lintMission(m, recipeSlugs)).toEqual([]);
  });

  it("has 3–6 objectives and 3–6 stages", () => {
    expect(m.objectives.length).toBeGreaterThanOrEqual(3);
    expect(m.objectives.length).toBeLessThanOrEqual(6);
    expect(m.stages.length).toBeGreaterThanOrEqual(3);
    expect(m.stages.length).toBeLessThanOrEqual(6);
  });

  it("has a substantial story that names the learner's role", () => {
    expect(m.story.length).toBeGreaterThanOrEqual(300);
    expect(m.story).toMatch(/\byou\b/i);
  });

  it("uses known skill tags everywhere", () => {
    const tags = [...m.skills, ...m.stages.flatMap((s) => s.required_skills), ...m.rubric.flatMap((c) => c.skills)];
    expect(tags.filter((t) => !isSkill(t))).toEqual([]);
  });

  it("has a rubric criterion for every stage, each with 3–4 ascending levels", () => {
    for (const s of m.stages) expect(m.rubric.filter((c) => c.stage === s.key).length, s.key).toBeGreaterThanOrEqual(1);
    for (const c of m.rubric) {
      expect(c.levels.length, c.key).toBeGreaterThanOrEqual(3);
      expect(c.levels.length, c.key).toBeLessThanOrEqual(4);
      const points = c.levels.map((l) => l.points);
      expect(points, c.key).toEqual([...points].sort((a, b) => a - b));
      expect(new Set(points).size, c.key).toBe(points.length);
      for (const l of c.levels) expect(l.descriptor.length, `${c.key}/${l.label}`).toBeGreaterThanOrEqual(10);
    }
  });

  it("has decisions with at most one ideal choice and a rationale for it", () => {
    for (const d of m.decisions) {
      const ideal = d.choices.filter((c) => c.ideal);
      expect(ideal.length, d.key).toBeLessThanOrEqual(1);
      for (const c of ideal) expect((c.rationale ?? "").length, `${d.key}/${c.id}`).toBeGreaterThan(20);
      expect(new Set(d.choices.map((c) => c.next_stage)).size, d.key).toBeGreaterThan(1);
    }
  });

  it("keeps time limits between 24 and 168 hours when set", () => {
    if (m.time_constraint_hours !== null) {
      expect(m.time_constraint_hours).toBeGreaterThanOrEqual(24);
      expect(m.time_constraint_hours).toBeLessThanOrEqual(168);
    }
    if (m.auto_submit_on_deadline) expect(m.time_constraint_hours).not.toBeNull();
  });

  it("lists only real stages as required for success", () => {
    const keys = new Set(m.stages.map((s) => s.key));
    expect(m.success_criteria.required_stages.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("contains no placeholder text", () => {
    expect(strings(m).filter(([, s]) => PLACEHOLDER.test(s))).toEqual([]);
  });
});

describe.each(stageCases)("stage %s", (_name, m, s) => {
  it("has required skills", () => {
    expect(s.required_skills.length).toBeGreaterThan(0);
  });

  it("links at least one existing recipe", () => {
    expect(s.recipes.length).toBeGreaterThan(0);
    expect(s.recipes.filter((r) => !recipeSlugs.has(r))).toEqual([]);
  });

  it("has non-trivial markdown instructions that say what to hand in", () => {
    expect(s.instructions.length).toBeGreaterThanOrEqual(200);
    expect(s.instructions).toMatch(/hand in/i);
  });

  it("has 2–3 hint levels with non-decreasing penalties", () => {
    expect(s.hints.length).toBeGreaterThanOrEqual(2);
    expect(s.hints.length).toBeLessThanOrEqual(3);
    const penalties = s.hints.map((h) => h.penalty);
    expect(penalties).toEqual([...penalties].sort((a, b) => a - b));
  });

  it("has a consistent evidence rule", () => {
    if (s.evidence.required) expect(s.evidence.min_files >= 1 || Boolean(s.evidence.links)).toBe(true);
    expect(s.evidence.kinds.length).toBeGreaterThan(0);
  });

  it("has a matching answer check, if any", () => {
    const a = s.answer;
    if (!a) return;
    if (a.kind === "regex") expect(() => new RegExp(a.pattern)).not.toThrow();
    if (a.kind === "set") expect(a.min_matches ?? a.values.length).toBeLessThanOrEqual(a.values.length);
    expect(s.answer_prompt ?? "").not.toBe("");
  });

  it("is covered by a rubric criterion", () => {
    expect(m.rubric.some((c) => c.stage === s.key)).toBe(true);
  });
});

describe.each(recipeCases)("recipe %s", (_slug, r) => {
  it("has 3–8 steps, each with an expected outcome", () => {
    expect(r.steps.length).toBeGreaterThanOrEqual(3);
    expect(r.steps.length).toBeLessThanOrEqual(8);
    for (const step of r.steps) expect(step.expected_outcome.length, step.title).toBeGreaterThan(5);
  });

  it("has validation checks", () => {
    expect(r.validation_checks.length).toBeGreaterThan(0);
  });

  it("has known skills, a summary ≤ 500 chars and 5–60 minutes", () => {
    expect(r.skills.filter((t) => !isSkill(t))).toEqual([]);
    expect(r.summary.length).toBeLessThanOrEqual(500);
    expect(r.estimated_minutes).toBeGreaterThanOrEqual(5);
    expect(r.estimated_minutes).toBeLessThanOrEqual(60);
  });

  it("references only existing recipes and is not its own prerequisite", () => {
    expect([...r.prerequisites, ...r.related].filter((s) => !recipeSlugs.has(s))).toEqual([]);
    expect(r.prerequisites).not.toContain(r.slug);
    expect(r.related).not.toContain(r.slug);
  });

  it("has related recipes", () => {
    expect(r.related.length).toBeGreaterThan(0);
  });

  it("contains no placeholder text", () => {
    expect(strings(r).filter(([, s]) => PLACEHOLDER.test(s))).toEqual([]);
  });
});

describe("the lint catches broken content", () => {
  const base = MISSIONS.find((m) => m.code === "SIEM-01")!;
  const clone = (): MissionInput => structuredClone(base);

  it("rejects an unknown skill tag", () => {
    const m = clone();
    m.stages[0].required_skills = ["log-analysis", "telepathy"];
    expect(lintMission(m, recipeSlugs)).toContain('stage triage: unknown skill "telepathy"');
    const result = validatePack({ ...demoPack(), missions: MISSIONS.map((x) => (x.code === m.code ? m : x)) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.message.includes('unknown skill tag "telepathy"'))).toBe(true);
  });

  it("rejects a dangling recipe slug", () => {
    const m = clone();
    m.stages[1].recipes = ["no-such-recipe"];
    expect(lintMission(m, recipeSlugs)).toContain('stage scope: unknown recipe "no-such-recipe"');
    const result = validatePack({ ...demoPack(), missions: MISSIONS.map((x) => (x.code === m.code ? m : x)) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path: expect.stringMatching(/stages\[1\]\.recipes\[0\]$/), message: 'unknown recipe "no-such-recipe"' });
  });

  it("rejects a stage without a rubric criterion", () => {
    const m = clone();
    m.rubric = m.rubric.filter((c) => c.stage !== "contain");
    expect(lintMission(m, recipeSlugs)).toContain("stage contain: no rubric criterion");
  });

  it("rejects a choice that points at a missing stage", () => {
    const m = clone();
    m.decisions![0].choices[0].next_stage = "nowhere";
    expect(lintMission(m, recipeSlugs).some((e) => e.includes('unknown stage "nowhere"'))).toBe(true);
  });

  it("rejects a cycle in the graph", () => {
    const m = clone();
    m.stages.find((s) => s.key === "handoff")!.next = "triage";
    expect(lintMission(m, recipeSlugs).some((e) => e.includes("cycle"))).toBe(true);
  });

  it("detects placeholder text", () => {
    const r: RecipeInput = { ...RECIPES[0], summary: "TODO: write this" };
    expect(strings(recipeSchema.parse(r)).some(([, s]) => PLACEHOLDER.test(s))).toBe(true);
  });
});
