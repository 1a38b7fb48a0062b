import { beforeAll, describe, expect, it } from "vitest";
import { importPack } from "@/lib/content/import";
import { fixturePack, fixtureRecipes } from "@/test/fixtures";
import { call, makeUser, type TestUser } from "@/test/helpers";
import { GET as list } from "@/app/api/v1/foundations/route";
import { POST as complete } from "@/app/api/v1/foundations/[module]/complete/route";
import { POST as selfCheck } from "@/app/api/v1/foundations/[module]/self-check/route";

// Foundations self-checks (issue 17 item 7): questions go out without their answers, the server
// grades with feedback per answer, and only a pass marks the module done.

const choice = (id: string, correct = false) => ({ id, text: `Choice ${id}`, correct, feedback: correct ? `Yes, ${id} is right.` : `No, ${id} is not it.` });
const questions = ["q1", "q2", "q3", "q4", "q5"].map((id) => ({ id, prompt: `Question ${id}?`, choices: [choice("a", true), choice("b"), choice("c")] }));
const right = Object.fromEntries(questions.map((q) => [q.id, "a"]));

let learner: TestUser;
beforeAll(async () => {
  await importPack(
    fixturePack({
      foundations: [
        { slug: "intro", title: "Intro", summary: "Start here.", estimated_minutes: 5 },
        { slug: "networks", title: "Networks", summary: "Ports and protocols.", body: "## Ports\nA port finds a service.", estimated_minutes: 20, self_check: questions },
      ],
      recipes: fixtureRecipes.map((r, i) => (i === 0 ? { ...r, links: [...(r.links ?? []), { module: "networks", required: true, order: 0 }] } : r)),
    }),
  );
  learner = await makeUser("learner");
});

describe("Foundations self-check", () => {
  it("lists each module's questions without which choice is right, and the recipes linked to it", async () => {
    const r = await call(list, { token: learner.token });
    expect(r.status).toBe(200);
    const m = r.json.modules.find((x: { slug: string }) => x.slug === "networks");
    expect(m.self_check).toHaveLength(5);
    expect(m.self_check[0]).toEqual({ id: "q1", prompt: "Question q1?", choices: [{ id: "a", text: "Choice a" }, { id: "b", text: "Choice b" }, { id: "c", text: "Choice c" }] });
    expect(JSON.stringify(r.json)).not.toMatch(/"correct"|is right/);
    expect(m.recipes).toEqual([expect.objectContaining({ slug: fixtureRecipes[0].slug, required: true })]);
    expect(r.json.modules.find((x: { slug: string }) => x.slug === "intro").recipes).toEqual([]);
  });

  it("grades a failed attempt with feedback per answer and leaves the module not done", async () => {
    const r = await call(selfCheck, { token: learner.token, params: { module: "networks" }, body: { answers: { ...right, q4: "b", q5: "c" } } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ module: "networks", correct: 3, total: 5, pass_mark: 4, passed: false, completed: false, completed_at: null });
    expect(r.json.results[0]).toEqual({ question_id: "q1", chosen: "a", correct: true, feedback: "Yes, a is right." });
    expect(r.json.results[3]).toEqual({ question_id: "q4", chosen: "b", correct: false, feedback: "No, b is not it." });
    const after = await call(list, { token: learner.token });
    expect(after.json.modules.find((x: { slug: string }) => x.slug === "networks").completed).toBe(false);
  });

  it("marks the module done when the learner passes, and keeps the first date on a second pass", async () => {
    const r = await call(selfCheck, { token: learner.token, params: { module: "networks" }, body: { answers: { ...right, q5: "b" } } });
    expect(r.json).toMatchObject({ correct: 4, passed: true, completed: true, foundations_complete: false });
    const again = await call(selfCheck, { token: learner.token, params: { module: "NETWORKS" }, body: { answers: right } });
    expect(again.json.completed_at).toBe(r.json.completed_at);
    const after = await call(list, { token: learner.token });
    expect(after.json.modules.find((x: { slug: string }) => x.slug === "networks")).toMatchObject({ completed: true, completed_at: r.json.completed_at });
    // Another learner's Foundations are untouched.
    const other = await makeUser("learner");
    expect((await call(list, { token: other.token })).json.completed).toBe(0);
  });

  it("names an unknown question or choice (400), refuses an unknown module (404) and a module without a self-check (422)", async () => {
    const bad = await call(selfCheck, { token: learner.token, params: { module: "networks" }, body: { answers: { q9: "a", q1: "z" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ "answers.q9": "no such question in this module", "answers.q1": 'no such choice "z"' });
    const shape = await call(selfCheck, { token: learner.token, params: { module: "networks" }, body: { answers: ["a"] } });
    expect(shape.status).toBe(400);
    expect(Object.keys(shape.json.error.fields)).toEqual(["answers"]);
    expect((await call(selfCheck, { token: learner.token, params: { module: "nope" }, body: { answers: {} } })).status).toBe(404);
    const none = await call(selfCheck, { token: learner.token, params: { module: "intro" }, body: { answers: {} } });
    expect(none.status).toBe(422);
    expect(none.json.error.message).toMatch(/no self-check/);
  });

  it("still lets a learner mark a module done through the API, as SPEC §4 says", async () => {
    const u = await makeUser("learner");
    const r = await call(complete, { token: u.token, params: { module: "intro" } });
    expect(r.status).toBe(200);
    expect(r.json.modules.find((x: { slug: string }) => x.slug === "intro").completed).toBe(true);
  });
});
