import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions, recipeUses, recipes, reviewScores, reviews, telemetryEvents, trackEnrolments } from "@/lib/db/schema";
import { libraryQuerySchema } from "@/lib/api/contracts/recipes";
import { AppError } from "@/lib/errors";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { searchRecipes } from "./recipes";
import { recipeDetail, relatedForRecipe } from "@/lib/recipes/library";
import { recordRecipeProgress } from "@/lib/recipes/progress";
import { setBookmark } from "@/lib/recipes/bookmarks";
import { rateRecipe } from "@/lib/recipes/ratings";
import { recommendationsFor } from "@/lib/recipes/recommendations";
import { recipeUsage, usesPerStage } from "./recipe-analytics";
import { recipeEffectiveness } from "@/lib/analytics/recipes";

const q = (raw: Record<string, string> = {}) => libraryQuerySchema.parse(raw);
const slugs = (xs: { slug: string }[]) => xs.map((x) => x.slug);

let missionId: string;
beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
});

async function eventsOf(userId: string, type: string) {
  return db.select().from(telemetryEvents).where(and(eq(telemetryEvents.userId, userId), eq(telemetryEvents.type, type)));
}

describe("library search", () => {
  it("finds a recipe by a word that appears only in one of its steps", async () => {
    const me = await makeUser();
    const r = await searchRecipes({ caller: me, query: q({ q: "logsource" }) });
    expect(slugs(r.items)).toEqual(["write-sigma-rule"]);
    expect(r.items[0].rank).toBeGreaterThan(0);
    // A word from a step command, with stemming ("counts" → count).
    expect(slugs((await searchRecipes({ caller: me, query: q({ q: "uniq counts" }) })).items)).toEqual(["grep-auth-logs"]);
    // Web-search syntax: a quoted phrase and an excluded word.
    expect(slugs((await searchRecipes({ caller: me, query: q({ q: '"failed password" -sigma' }) })).items)).toEqual(["grep-auth-logs"]);
    expect((await searchRecipes({ caller: me, query: q({ q: "kerberoasting" }) })).total).toBe(0);
  });

  it("combines filters: skill, type, difficulty, tool and time", async () => {
    const me = await makeUser();
    const find = async (raw: Record<string, string>) => slugs((await searchRecipes({ caller: me, query: q(raw) })).items).sort();
    expect(await find({})).toEqual(["brief-stakeholders", "grep-auth-logs", "write-sigma-rule"]);
    expect(await find({ type: "technical" })).toEqual(["grep-auth-logs", "write-sigma-rule"]);
    expect(await find({ type: "technical", difficulty: "beginner" })).toEqual(["grep-auth-logs"]);
    expect(await find({ difficulty: "beginner", max_minutes: "12" })).toEqual(["grep-auth-logs"]);
    expect(await find({ skill: "sigma", type: "communication" })).toEqual([]);
    expect(await find({ tool: "AWK" })).toEqual(["grep-auth-logs"]);
    expect(await find({ tool: "awk", skill: "log-analysis", q: "brute force" })).toEqual(["grep-auth-logs"]);
  });

  it("filters by the caller's own bookmarks and completions, which are per user", async () => {
    const a = await makeUser();
    const b = await makeUser();
    await setBookmark({ caller: a, slug: "write-sigma-rule", on: true });
    await setBookmark({ caller: a, slug: "write-sigma-rule", on: true }); // idempotent
    await recordRecipeProgress({ caller: a, slug: "brief-stakeholders", input: { event: "completed" } });
    expect(slugs((await searchRecipes({ caller: a, query: q({ bookmarked: "true" }) })).items)).toEqual(["write-sigma-rule"]);
    expect(slugs((await searchRecipes({ caller: b, query: q({ bookmarked: "true" }) })).items)).toEqual([]);
    expect(slugs((await searchRecipes({ caller: a, query: q({ completed: "true" }) })).items)).toEqual(["brief-stakeholders"]);
    expect(slugs((await searchRecipes({ caller: a, query: q({ completed: "false", bookmarked: "true" }) })).items)).toEqual(["write-sigma-rule"]);
    expect((await recipeDetail({ caller: b, slug: "write-sigma-rule" })).bookmarked).toBe(false);
    await setBookmark({ caller: a, slug: "write-sigma-rule", on: false });
    expect((await searchRecipes({ caller: a, query: q({ bookmarked: "true" }) })).total).toBe(0);
  });

  it("sorts by popularity and rating, shows usage and average rating on each card, and pages", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    for (const u of [a, b]) {
      await recordRecipeProgress({ caller: u, slug: "brief-stakeholders", input: { event: "completed" } });
      await rateRecipe({ caller: u, slug: "brief-stakeholders", rating: u === a ? 4 : 5 });
    }
    await recordRecipeProgress({ caller: a, slug: "write-sigma-rule", input: { event: "completed" } });
    await rateRecipe({ caller: a, slug: "write-sigma-rule", rating: 3 });
    const popular = await searchRecipes({ caller: a, query: q({ sort: "popular" }) });
    expect(popular.items[0]).toMatchObject({ slug: "brief-stakeholders", ratingAverage: 4.5, ratingCount: 2 });
    expect(popular.items[0].usageCount).toBeGreaterThanOrEqual(2);
    const rated = await searchRecipes({ caller: a, query: q({ sort: "rating" }) });
    expect(slugs(rated.items)).toEqual(["brief-stakeholders", "write-sigma-rule", "grep-auth-logs"]);
    expect(rated.items[2].ratingAverage).toBeNull();
    const page2 = await searchRecipes({ caller: a, query: q({ sort: "rating", page_size: "2", page: "2" }) });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(slugs(page2.items)).toEqual(["grep-auth-logs"]);
    const beyond = await searchRecipes({ caller: a, query: q({ page: "9" }) });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(3);
  });
});

describe("recipe detail and progress", () => {
  it("shows steps, prerequisites, where it is used and the caller's progress", async () => {
    const me = await makeUser();
    const d = await recipeDetail({ caller: me, slug: "write-sigma-rule" });
    expect(d.steps.map((s) => s.step)).toEqual([1]);
    expect(d.prerequisites).toEqual([{ slug: "grep-auth-logs", title: "Find failed logins with grep", completed: false }]);
    expect(d.usedIn.missions).toEqual([{ code: "TEST-01", title: "Fixture: brute force triage", track: "defender", tier: "beginner", stages: [{ key: "detect", title: "Detect", number: 4 }] }]);
    expect(d.progress).toMatchObject({ stepsCompleted: [], completed: false, viewCount: 0 });
    await expect(recipeDetail({ caller: me, slug: "no-such-recipe" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("records views with time spent, step check-offs and completion, each with its telemetry event, without duplicates", async () => {
    const me = await makeUser();
    await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "viewed", duration_ms: 42_000 } });
    const s1 = await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "step_completed", step: 1 } });
    expect(s1.progress).toMatchObject({ stepsCompleted: [1], completed: false, viewCount: 1 });
    await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "step_completed", step: 1 } }); // double click
    // Checking off the last step completes the recipe.
    const s2 = await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "step_completed", step: 2 } });
    expect(s2.justCompleted).toBe(true);
    expect(s2.progress).toMatchObject({ stepsCompleted: [1, 2], completed: true });
    const again = await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "completed" } });
    expect(again.justCompleted).toBe(false);
    expect((await eventsOf(me.id, "recipe.viewed"))[0].payload).toMatchObject({ duration_ms: 42_000 });
    expect(await eventsOf(me.id, "recipe.step_completed")).toHaveLength(2);
    expect(await eventsOf(me.id, "recipe.completed")).toHaveLength(1);
    await expect(recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "step_completed", step: 3 } })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { step: "this recipe has 2 step(s)" },
    });
  });

  it("marks a recipe used at a mission stage once, and refuses a stage the mission does not have without writing anything", async () => {
    const me = await makeUser();
    const first = await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "marked_used", mission: "TEST-01", stage: "triage" } });
    expect(first.used).toEqual({ mission: "TEST-01", stage: "triage", recorded: true });
    const second = await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "marked_used", mission: "test-01", stage: "triage" } });
    expect(second.used?.recorded).toBe(false);
    expect(await db.select().from(recipeUses).where(eq(recipeUses.userId, me.id))).toHaveLength(1);
    const [ev] = await eventsOf(me.id, "recipe.marked_used");
    expect(ev).toMatchObject({ missionId, stageKey: "triage" });
    const err = await recordRecipeProgress({ caller: me, slug: "write-sigma-rule", input: { event: "marked_used", mission: "TEST-01", stage: "nope" } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields.stage).toMatch(/no stage "nope"/);
    expect(await db.select().from(recipeUses).where(eq(recipeUses.userId, me.id))).toHaveLength(1);
    expect((await recipeDetail({ caller: me, slug: "write-sigma-rule" })).progress.viewCount).toBe(0);
  });

  it("refuses a rating before the caller completed the recipe (422), then accepts and replaces it", async () => {
    const me = await makeUser();
    const before = (await recipeDetail({ caller: me, slug: "brief-stakeholders" })).rating.count;
    const err = await rateRecipe({ caller: me, slug: "brief-stakeholders", rating: 5 }).catch((e) => e);
    expect(err).toMatchObject({ code: "rule_not_met", status: 422 });
    expect((await recipeDetail({ caller: me, slug: "brief-stakeholders" })).rating.count).toBe(before);
    await recordRecipeProgress({ caller: me, slug: "brief-stakeholders", input: { event: "completed" } });
    expect(await rateRecipe({ caller: me, slug: "brief-stakeholders", rating: 2 })).toMatchObject({ rating: 2, count: before + 1 });
    expect(await rateRecipe({ caller: me, slug: "brief-stakeholders", rating: 4 })).toMatchObject({ rating: 4, count: before + 1 });
    expect((await recipeDetail({ caller: me, slug: "brief-stakeholders" })).myRating).toBe(4);
  });

  it("lists related recipes with prerequisites and follow-ups first", async () => {
    const me = await makeUser();
    expect((await relatedForRecipe({ caller: me, slug: "write-sigma-rule" })).map((r) => [r.slug, r.kind])).toEqual([["grep-auth-logs", "prerequisite"]]);
    expect((await relatedForRecipe({ caller: me, slug: "grep-auth-logs" })).map((r) => [r.slug, r.kind])).toEqual([["write-sigma-rule", "follow_up"]]);
  });
});

describe("recommendations", () => {
  it("for a stage, prefer the recipes its author linked and the ones matching its skills, with reasons", async () => {
    const me = await makeUser();
    const triage = await recommendationsFor({ caller: me, mission: "TEST-01", stage: "triage" });
    expect(triage.stage).toEqual({ key: "triage", title: "Triage", number: 1 });
    expect(triage.items[0].slug).toBe("grep-auth-logs");
    expect(triage.items[0].reasons).toEqual(["Recommended for stage 1 by the author", "Covers log-analysis and ioc-extraction, needed in this stage"]);

    // At "contain" the author linked the brief; the next stages need sigma (detect) and
    // communication (report); the Sigma recipe's prerequisite comes right before it.
    const contain = await recommendationsFor({ caller: me, mission: "TEST-01", stage: "contain" });
    expect(slugs(contain.items)).toEqual(["brief-stakeholders", "grep-auth-logs", "write-sigma-rule"]);
    expect(contain.items[0].reasons[0]).toBe("Recommended for stage 2 by the author");
    expect(contain.items[1].prerequisiteOf).toBe("write-sigma-rule");
    expect(contain.items[2].reasons).toContain("Covers sigma, needed in the next stage");
  });

  it("rank what the learner completed lower and use the gaps from their low rubric scores", async () => {
    const me = await makeUser();
    const mentor = await makeUser("mentor");
    await recordRecipeProgress({ caller: me, slug: "grep-auth-logs", input: { event: "completed" } });
    const triage = await recommendationsFor({ caller: me, mission: "TEST-01", stage: "triage" });
    expect(triage.items.find((i) => i.slug === "grep-auth-logs")?.reasons).toContain("You already completed it");

    // A reviewed attempt where the detection criterion (stage "detect" → sigma) scored 0 of 4.
    const [p] = await db.insert(missionProgress).values({ userId: me.id, missionId, missionVersion: 1, state: "failed", submittedAt: new Date(), reviewedAt: new Date(), score: 40, passed: false }).returning();
    const [rv] = await db.insert(reviews).values({ progressId: p.id, mentorId: mentor.id, basedOnVersion: 1, outcome: "failed", score: 40, passed: false }).returning();
    await db.insert(reviewScores).values([
      { reviewId: rv.id, criterionKey: "detect-quality", stageKey: "detect", levelIndex: 0, points: 0, maxPoints: 4 },
      { reviewId: rv.id, criterionKey: "triage-quality", stageKey: "triage", levelIndex: 1, points: 2, maxPoints: 2 },
    ]);
    await db.insert(trackEnrolments).values({ userId: me.id, track: "defender" });
    const outside = await recommendationsFor({ caller: me });
    expect(outside.mission).toBeNull();
    const sigma = outside.items.find((i) => i.slug === "write-sigma-rule")!;
    expect(sigma.reasons).toContain("Covers sigma, where your reviews scored low");
    expect(sigma.reasons).toContain("Used in Defender beginner missions, your current level");
    // log-analysis scored full marks: not a gap.
    expect(outside.items.flatMap((i) => i.reasons).join(" ")).not.toMatch(/log-analysis, where your reviews/);
  });

  it("say which recipes the learner's own mentor recommended in a review (by slug or by id), and no one else's", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const mentor = await makeUser("mentor");
    const [brief] = await db.select({ id: recipes.id }).from(recipes).where(eq(recipes.slug, "brief-stakeholders"));
    const [p] = await db.insert(missionProgress).values({ userId: me.id, missionId, missionVersion: 1, state: "failed", submittedAt: new Date(), reviewedAt: new Date(), score: 40, passed: false }).returning();
    await db.insert(reviews).values({ progressId: p.id, mentorId: mentor.id, basedOnVersion: 1, outcome: "failed", score: 40, passed: false, recommendedRecipes: ["write-sigma-rule", brief.id] });
    const mine = await recommendationsFor({ caller: me, mission: "TEST-01", stage: "triage" });
    const reasonsOf = (r: typeof mine, slug: string) => r.items.find((i) => i.slug === slug)?.reasons ?? [];
    expect(reasonsOf(mine, "write-sigma-rule")).toContain("Your mentor recommended it");
    expect(reasonsOf(mine, "brief-stakeholders")).toContain("Your mentor recommended it");
    expect(reasonsOf(mine, "grep-auth-logs")).not.toContain("Your mentor recommended it");
    const theirs = await recommendationsFor({ caller: other, mission: "TEST-01", stage: "triage" });
    expect(theirs.items.flatMap((i) => i.reasons)).not.toContain("Your mentor recommended it");
  });

  it("refuses an unknown mission (404) or stage (400 naming the stage)", async () => {
    const me = await makeUser();
    await expect(recommendationsFor({ caller: me, mission: "NOPE-99" })).rejects.toMatchObject({ code: "not_found" });
    await expect(recommendationsFor({ caller: me, mission: "TEST-01", stage: "nowhere" })).rejects.toMatchObject({ code: "validation_failed", fields: { stage: expect.stringMatching(/nowhere/) } });
  });
});

describe("usage and effectiveness", () => {
  /** A reviewed attempt of TEST-01; `used` marks the recipe used before submitting. */
  async function attempt(u: TestUser, opts: { passed: boolean; score: number; used?: "use" | "telemetry" | "after" }) {
    const submittedAt = new Date("2025-01-10T12:00:00Z");
    const [p] = await db
      .insert(missionProgress)
      .values({ userId: u.id, missionId, missionVersion: 1, state: opts.passed ? "approved" : "failed", submittedAt, reviewedAt: new Date("2025-01-11T12:00:00Z"), score: opts.score, passed: opts.passed })
      .returning();
    const [recipe] = await db.select({ id: recipes.id }).from(recipes).where(eq(recipes.slug, "grep-auth-logs"));
    if (opts.used === "use") await db.insert(recipeUses).values({ userId: u.id, recipeId: recipe.id, missionId, progressId: p.id, stageKey: "triage", createdAt: new Date("2025-01-10T11:00:00Z") });
    if (opts.used === "telemetry")
      await db.insert(telemetryEvents).values({ eventId: crypto.randomUUID(), type: "recipe.completed", userId: u.id, recipeId: recipe.id, occurredAt: new Date("2025-01-09T08:00:00Z") });
    if (opts.used === "after") await db.insert(recipeUses).values({ userId: u.id, recipeId: recipe.id, missionId, progressId: p.id, stageKey: "triage", createdAt: new Date("2025-01-12T11:00:00Z") });
  }

  it("splits reviewed attempts by use before submitting, computes the difference, and scopes mentors to their learners", async () => {
    const learners: TestUser[] = [];
    for (let i = 0; i < 22; i++) learners.push(await makeUser());
    // Used (10): 8 passed. Half via recipe_uses, half via telemetry.
    for (let i = 0; i < 10; i++) await attempt(learners[i], { passed: i < 8, score: i < 8 ? 80 : 40, used: i % 2 ? "use" : "telemetry" });
    // Not used (12): 6 passed; two of them used it only after submitting, which does not count.
    for (let i = 10; i < 22; i++) await attempt(learners[i], { passed: i < 16, score: i < 16 ? 70 : 30, used: i >= 20 ? "after" : undefined });
    // An attempt still in progress is not counted.
    await db.insert(missionProgress).values({ userId: learners[0].id, missionId, missionVersion: 1, attempt: 2, state: "in_progress" });

    const admin = await makeUser("admin");
    // January 2025 holds only this test's attempts (other tests submit "now").
    const january = { from: "2025-01-01", to: "2025-01-31" };
    const all = await recipeEffectiveness({ caller: admin, recipeSlug: "grep-auth-logs", range: january });
    expect(all).toHaveLength(1);
    const e = all[0];
    expect(e.mission.code).toBe("TEST-01");
    expect(e.counts.used).toEqual({ attempts: 10, passed: 8, scoreSum: 8 * 80 + 2 * 40 });
    expect(e.counts.notUsed).toEqual({ attempts: 12, passed: 6, scoreSum: 6 * 70 + 6 * 30 });
    expect(e.result.enoughData).toBe(true);
    expect(e.result.difference!.estimate).toBeCloseTo(0.8 - 0.5, 10);
    expect(e.result.difference!.low).toBeLessThan(0.3);
    expect(e.result.difference!.high).toBeGreaterThan(0.3);
    expect(e.result.used.meanScore).toBe(72);
    expect(e.result.notUsed.meanScore).toBe(50);

    // A mentor of three of the learners sees only their attempts: not enough data.
    const mentor = await makeUser("mentor");
    await makeCohort({ learners: [learners[0], learners[1], learners[12]], mentor });
    const mine = await recipeEffectiveness({ caller: mentor, recipeSlug: "grep-auth-logs" });
    expect(mine[0].counts.used.attempts).toBe(2);
    expect(mine[0].counts.notUsed.attempts).toBe(1);
    expect(mine[0].result.enoughData).toBe(false);
    expect(mine[0].result.summary).toMatch(/^Not enough data/);

    // A learner may not read it at all.
    await expect(recipeEffectiveness({ caller: learners[0], recipeSlug: "grep-auth-logs" })).rejects.toMatchObject({ code: "forbidden" });
    // A date range that excludes every submission.
    const none = await recipeEffectiveness({ caller: admin, recipeSlug: "grep-auth-logs", range: { from: "2025-02-01", to: "2025-02-28" } });
    expect(none[0].counts.used.attempts + none[0].counts.notUsed.attempts).toBe(0);

    // The recommender uses the measured difference, with its reason.
    const rec = await recommendationsFor({ caller: await makeUser(), mission: "TEST-01", stage: "triage" });
    expect(rec.items[0].reasons.join(" | ")).toMatch(/Learners who used it passed \d+ points more often/);
  });

  it("reports views, time spent, completion and used-in-mission rates from real rows", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const before = (await recipeUsage()).find((u) => u.slug === "brief-stakeholders")!;
    await recordRecipeProgress({ caller: a, slug: "brief-stakeholders", input: { event: "viewed", duration_ms: 60_000 } });
    await recordRecipeProgress({ caller: a, slug: "brief-stakeholders", input: { event: "viewed", duration_ms: 30_000 } });
    await recordRecipeProgress({ caller: b, slug: "brief-stakeholders", input: { event: "viewed" } });
    await recordRecipeProgress({ caller: a, slug: "brief-stakeholders", input: { event: "completed" } });
    await recordRecipeProgress({ caller: a, slug: "brief-stakeholders", input: { event: "marked_used", mission: "TEST-01", stage: "report" } });
    const after = (await recipeUsage()).find((u) => u.slug === "brief-stakeholders")!;
    expect(after.views - before.views).toBe(3);
    expect(after.timeSpentMs - before.timeSpentMs).toBe(90_000);
    expect(after.learners - before.learners).toBe(2);
    expect(after.completions - before.completions).toBe(1);
    expect(after.usedBy - before.usedBy).toBe(1);
    expect(after.completionRate).toBeCloseTo(after.completions / after.learners, 10);
    const stages = await usesPerStage();
    expect(stages.find((s) => s.slug === "brief-stakeholders" && s.stage === "report")).toMatchObject({ mission: "TEST-01", uses: 1, learners: 1 });
  });
});
