import { beforeAll, describe, expect, it } from "vitest";
import { GET as list } from "./route";
import { GET as detail } from "./[slug]/route";
import { GET as related } from "./[slug]/related/route";
import { POST as progress } from "./[slug]/progress/route";
import { DELETE as unbookmark, PUT as bookmark } from "./[slug]/bookmark/route";
import { PUT as rate } from "./[slug]/rating/route";
import { GET as recommendations } from "./recommendations/route";
import { GET as effectiveness } from "./analytics/effectiveness/route";
import { call, loadFixtures, makeUser, type TestUser } from "@/test/helpers";

let learner: TestUser;
beforeAll(async () => {
  await loadFixtures();
  learner = await makeUser("learner");
});

describe("GET /api/v1/recipes", () => {
  it("searches and filters with snake_case cards, usage count and average rating", async () => {
    const r = await call(list, { token: learner.token, path: "/api/v1/recipes?q=logsource" });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 1, page: 1, page_size: 12, pages: 1 });
    expect(r.json.items[0]).toMatchObject({ slug: "write-sigma-rule", estimated_minutes: 30, usage_count: 0, rating_average: null, rating_count: 0, bookmarked: false });
    const f = await call(list, { token: learner.token, path: "/api/v1/recipes?type=technical&difficulty=beginner&tool=grep&max_minutes=10" });
    expect(f.json.items.map((i: { slug: string }) => i.slug)).toEqual(["grep-auth-logs"]);
  });

  it("answers 400 naming each bad query parameter, and 401 without credentials", async () => {
    const r = await call(list, { token: learner.token, path: "/api/v1/recipes?type=magic&max_minutes=500&page=0&sort=best" });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error.fields).sort()).toEqual(["max_minutes", "page", "sort", "type"]);
    expect((await call(list, { path: "/api/v1/recipes" })).status).toBe(401);
  });
});

describe("recipe detail, progress, bookmark and rating", () => {
  it("shows a recipe with steps and the caller's progress; unknown slugs are 404", async () => {
    const r = await call(detail, { token: learner.token, params: { slug: "grep-auth-logs" } });
    expect(r.status).toBe(200);
    expect(r.json.steps.map((s: { step: number; completed: boolean }) => [s.step, s.completed])).toEqual([[1, false], [2, false]]);
    expect(r.json.progress).toMatchObject({ steps_completed: [], completed: false, view_count: 0 });
    expect(r.json.used_in.missions[0]).toMatchObject({ code: "TEST-01" });
    expect(r.json.can_rate).toBe(false);
    expect((await call(detail, { token: learner.token, params: { slug: "nope" } })).status).toBe(404);
    expect((await call(detail, { token: learner.token, params: { slug: "Not A Slug!" } })).status).toBe(404);
  });

  it("validates progress events field by field (400) and records them", async () => {
    const me = await makeUser();
    const bad = await call(progress, { token: me.token, params: { slug: "grep-auth-logs" }, body: { event: "marked_used", duration_ms: -5 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["duration_ms", "mission", "stage"]);
    const noStep = await call(progress, { token: me.token, params: { slug: "grep-auth-logs" }, body: { event: "step_completed" } });
    expect(noStep.json.error.fields).toEqual({ step: "is required for step_completed" });
    expect((await call(progress, { token: me.token, params: { slug: "grep-auth-logs" }, body: { event: "jumped" } })).status).toBe(400);
    const ok = await call(progress, { token: me.token, params: { slug: "grep-auth-logs" }, body: { event: "step_completed", step: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ event: "step_completed", completed_now: false, progress: { steps_completed: [1], completed: false } });
    const used = await call(progress, { token: me.token, params: { slug: "grep-auth-logs" }, body: { event: "marked_used", mission: "TEST-01", stage: "triage" } });
    expect(used.json.used).toEqual({ mission: "TEST-01", stage: "triage", recorded: true });
  });

  it("refuses a rating before completing (422), validates it (400), then accepts it", async () => {
    const me = await makeUser();
    const early = await call(rate, { method: "PUT", token: me.token, params: { slug: "brief-stakeholders" }, body: { rating: 5 } });
    expect(early.status).toBe(422);
    expect(early.json.error.code).toBe("rule_not_met");
    expect((await call(rate, { method: "PUT", token: me.token, params: { slug: "brief-stakeholders" }, body: { rating: 6 } })).json.error.fields.rating).toBe("must be 1–5");
    expect((await call(rate, { method: "PUT", token: me.token, params: { slug: "brief-stakeholders" }, body: { rating: "5" } })).status).toBe(400);
    await call(progress, { token: me.token, params: { slug: "brief-stakeholders" }, body: { event: "completed" } });
    const ok = await call(rate, { method: "PUT", token: me.token, params: { slug: "brief-stakeholders" }, body: { rating: 5 } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ rating: 5, rating_count: 1, rating_average: 5 });
    expect((await call(detail, { token: me.token, params: { slug: "brief-stakeholders" } })).json).toMatchObject({ my_rating: 5, can_rate: true });
  });

  it("keeps bookmarks per user", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    expect((await call(bookmark, { method: "PUT", token: a.token, params: { slug: "write-sigma-rule" } })).json).toEqual({ bookmarked: true });
    const mine = await call(list, { token: a.token, path: "/api/v1/recipes?bookmarked=true" });
    expect(mine.json.items.map((i: { slug: string }) => i.slug)).toEqual(["write-sigma-rule"]);
    expect((await call(list, { token: b.token, path: "/api/v1/recipes?bookmarked=true" })).json.total).toBe(0);
    expect((await call(detail, { token: b.token, params: { slug: "write-sigma-rule" } })).json.bookmarked).toBe(false);
    expect((await call(unbookmark, { method: "DELETE", token: a.token, params: { slug: "write-sigma-rule" } })).json).toEqual({ bookmarked: false });
    expect((await call(list, { token: a.token, path: "/api/v1/recipes?bookmarked=true" })).json.total).toBe(0);
  });

  it("lets an enterprise viewer read recipes but not track progress (403)", async () => {
    const viewer = await makeUser("enterprise");
    expect((await call(detail, { token: viewer.token, params: { slug: "grep-auth-logs" } })).status).toBe(200);
    expect((await call(progress, { token: viewer.token, params: { slug: "grep-auth-logs" }, body: { event: "completed" } })).status).toBe(403);
    expect((await call(bookmark, { method: "PUT", token: viewer.token, params: { slug: "grep-auth-logs" } })).status).toBe(403);
  });
});

describe("related and recommendations", () => {
  it("lists related recipes with their kind and reasons", async () => {
    const r = await call(related, { token: learner.token, params: { slug: "write-sigma-rule" } });
    expect(r.json.items).toEqual([expect.objectContaining({ slug: "grep-auth-logs", kind: "prerequisite", reasons: expect.arrayContaining(["Prerequisite: do it first"]) })]);
  });

  it("recommends for a mission stage with reasons, and outside a mission", async () => {
    const r = await call(recommendations, { token: learner.token, path: "/api/v1/recipes/recommendations?mission=TEST-01&stage=triage" });
    expect(r.status).toBe(200);
    expect(r.json.mission).toEqual({ code: "TEST-01", title: "Fixture: brute force triage" });
    expect(r.json.items[0]).toMatchObject({ slug: "grep-auth-logs", reasons: expect.arrayContaining(["Recommended for stage 1 by the author"]), prerequisite_of: null });
    const outside = await call(recommendations, { token: learner.token, path: "/api/v1/recipes/recommendations" });
    expect(outside.status).toBe(200);
    expect(outside.json.mission).toBeNull();
    expect(Array.isArray(outside.json.items)).toBe(true);
    expect((await call(recommendations, { token: learner.token, path: "/api/v1/recipes/recommendations?stage=triage" })).json.error.fields).toEqual({ stage: "needs a mission" });
    expect((await call(recommendations, { token: learner.token, path: "/api/v1/recipes/recommendations?mission=NOPE-01" })).status).toBe(404);
  });
});

describe("GET /api/v1/recipes/analytics/effectiveness", () => {
  it("is for admins and mentors; learners and enterprise viewers get 403", async () => {
    expect((await call(effectiveness, { token: learner.token, path: "/api/v1/recipes/analytics/effectiveness" })).status).toBe(403);
    expect((await call(effectiveness, { token: (await makeUser("enterprise")).token, path: "/api/v1/recipes/analytics/effectiveness" })).status).toBe(403);
    const admin = await call(effectiveness, { token: (await makeUser("admin")).token, path: "/api/v1/recipes/analytics/effectiveness?mission=TEST-01" });
    expect(admin.status).toBe(200);
    expect(admin.json.method).toMatch(/Newcombe/);
    expect(admin.json.items.map((i: { recipe: { slug: string } }) => i.recipe.slug).sort()).toEqual(["brief-stakeholders", "grep-auth-logs", "write-sigma-rule"]);
    expect(admin.json.items[0]).toMatchObject({ status: "not_enough_data", difference: null, enough_data: false });
    const mentor = await call(effectiveness, { token: (await makeUser("mentor")).token, path: "/api/v1/recipes/analytics/effectiveness?from=2026-01-01&to=2026-12-31" });
    expect(mentor.status).toBe(200);
    expect(mentor.json.scope).toBe("mentor_learners");
    const bad = await call(effectiveness, { token: (await makeUser("admin")).token, path: "/api/v1/recipes/analytics/effectiveness?from=2026-13-01&to=yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["from", "to"]);
  });
});
