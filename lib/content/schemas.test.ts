import { describe, expect, it } from "vitest";
import { missionSchema, recipeSchema } from "./schemas";
import { validatePack } from "./validate";
import { fixtureMission, fixturePack, fixtureRecipes } from "@/test/fixtures";

const fieldsOf = (input: unknown) => {
  const r = validatePack(input);
  return r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
};

describe("mission schema", () => {
  it("applies SPEC defaults: reflection required, no time limit, published", () => {
    const m = missionSchema.parse(fixtureMission);
    expect(m.reflection_required).toBe(true);
    expect(m.time_constraint_hours).toBeNull();
    expect(m.auto_submit_on_deadline).toBe(false);
    expect(m.stages[1].weight).toBe(1);
  });

  it.each([
    ["SIEM-03", true],
    ["IR-123", true],
    ["siem-03", false],
    ["S-03", false],
    ["TOOLONGX-01", false],
    ["SIEM-3", false],
  ])("code %s valid=%s", (code, ok) => {
    expect(missionSchema.safeParse({ ...fixtureMission, code }).success).toBe(ok);
  });

  it("reports a negative hint penalty with its full path", () => {
    const bad = { ...fixtureMission, stages: [{ ...fixtureMission.stages[0], hints: [{ text: "x", penalty: -3 }] }, ...fixtureMission.stages.slice(1)] };
    expect(fieldsOf(fixturePack({ missions: [bad] }))["missions[0].stages[0].hints[0].penalty"]).toBe("must be ≥ 0");
  });

  it("refuses score deltas outside −20…+20 and decisions with one choice", () => {
    const d = fixtureMission.decisions![0];
    const big = { ...fixtureMission, decisions: [{ ...d, choices: [{ ...d.choices[0], score_delta: 25 }, d.choices[1]] }] };
    expect(Object.keys(fieldsOf(fixturePack({ missions: [big] })))).toContain("missions[0].decisions[0].choices[0].score_delta");
    const one = { ...fixtureMission, decisions: [{ ...d, choices: [d.choices[0]] }] };
    expect(fieldsOf(fixturePack({ missions: [one] }))["missions[0].decisions[0].choices"]).toMatch(/2–4/);
  });

  it("refuses a rubric criterion whose levels are all worth the same (Moodle's rule)", () => {
    const c = fixtureMission.rubric[0];
    const flat = { ...fixtureMission, rubric: [{ ...c, levels: c.levels.map((l) => ({ ...l, points: 2 })) }] };
    expect(fieldsOf(fixturePack({ missions: [flat] }))["missions[0].rubric[0].levels"]).toMatch(/not all be worth the same/);
  });

  it("refuses a rubric criterion with one level or nothing to earn", () => {
    const c = fixtureMission.rubric[0];
    const oneLevel = { ...fixtureMission, rubric: [{ ...c, levels: [c.levels[1]] }] };
    expect(fieldsOf(fixturePack({ missions: [oneLevel] }))["missions[0].rubric[0].levels"]).toMatch(/at least 2/);
    const zero = { ...fixtureMission, rubric: [{ ...c, levels: c.levels.map((l) => ({ ...l, points: 0 })) }] };
    expect(fieldsOf(fixturePack({ missions: [zero] }))["missions[0].rubric[0].levels"]).toMatch(/more than 0/);
  });

  it("refuses an invalid regex answer check", () => {
    const bad = { ...fixtureMission, stages: [{ ...fixtureMission.stages[0], answer: { kind: "regex" as const, pattern: "([" } }, ...fixtureMission.stages.slice(1)] };
    expect(fieldsOf(fixturePack({ missions: [bad] }))["missions[0].stages[0].answer.pattern"]).toMatch(/regular expression/);
  });
});

describe("pack validation across documents", () => {
  it("accepts the fixture pack", () => {
    expect(validatePack(fixturePack()).ok).toBe(true);
  });

  it("reports every broken reference, not only the first", () => {
    const m = {
      ...fixtureMission,
      skills: ["not-a-skill"],
      stages: fixtureMission.stages.map((s, i) => (i === 1 ? { ...s, recipes: ["missing-recipe"] } : s)),
      rubric: [...fixtureMission.rubric, { ...fixtureMission.rubric[0], key: "extra", stage: "nope" }],
      success_criteria: { required_stages: ["ghost"] },
    };
    const f = fieldsOf(fixturePack({ missions: [m] }));
    expect(f["missions[0].skills[0]"]).toMatch(/unknown skill tag/);
    expect(f["missions[0].stages[1].recipes[0]"]).toMatch(/unknown recipe "missing-recipe"/);
    expect(f["missions[0].rubric[5].stage"]).toMatch(/unknown stage "nope"/);
    expect(f["missions[0].success_criteria.required_stages[0]"]).toMatch(/unknown stage "ghost"/);
  });

  it("refuses duplicate codes and slugs", () => {
    const f = fieldsOf(fixturePack({ missions: [fixtureMission, fixtureMission], recipes: [...fixtureRecipes, fixtureRecipes[0]] }));
    expect(f["missions[1].code"]).toMatch(/duplicate code/);
    expect(f["recipes[3].slug"]).toMatch(/duplicate slug/);
  });

  it("refuses a recipe outside 5–60 minutes and a summary over 500 characters", () => {
    expect(recipeSchema.safeParse({ ...fixtureRecipes[0], estimated_minutes: 90 }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...fixtureRecipes[0], summary: "x".repeat(501) }).success).toBe(false);
  });

  it("refuses recipe links to unknown missions, stages or modules", () => {
    const r = { ...fixtureRecipes[0], links: [{ mission: "TEST-01", stage: "nope" }, { mission: "ZZ-99" }, { module: "ghost-module" }] };
    const f = fieldsOf(fixturePack({ recipes: [r, ...fixtureRecipes.slice(1)] }));
    expect(f["recipes[0].links[0].stage"]).toMatch(/unknown stage/);
    expect(f["recipes[0].links[1].mission"]).toMatch(/unknown mission/);
    expect(f["recipes[0].links[2].module"]).toMatch(/unknown Foundations module/);
  });
});
