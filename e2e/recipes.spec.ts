import type { Page } from "@playwright/test";
import { AuthPage, DEMO, axeViolations, expect, snap, test, uniqueEmail } from "./fixtures";
import { LearnerPages } from "./mission-pages";

// A new learner searches and filters the library, follows a recipe step by step to completion and
// rates it; then the admin sees that activity in the recipe usage analytics.
test.describe.configure({ mode: "serial" });

const RECIPE = { slug: "grep-awk-auth-logs", title: "Slice auth logs with grep and awk" };

/** Library page object. */
class Library {
  constructor(private page: Page) {}
  async open() {
    await this.page.goto("/recipes");
    await expect(this.page.getByRole("heading", { name: "Recipe library" })).toBeVisible();
  }
  async search(text: string) {
    await this.page.getByLabel("Search recipes").fill(text);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
  }
  async filter(label: string, option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption(option);
  }
  async apply() {
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }
  cards() {
    return this.page.getByRole("list", { name: "Recipes" }).getByRole("listitem").filter({ has: this.page.getByRole("heading") });
  }
  card(title: string) {
    return this.cards().filter({ has: this.page.getByRole("link", { name: title }) });
  }
}

test("a learner searches and filters the library, follows a recipe to completion and rates it", async ({ page, auth }) => {
  test.setTimeout(180_000); // a whole journey: sign-up, library, five steps, rating
  await auth.register("Recipe Learner", uniqueEmail("recipes"), "recipe-learner-pass");
  await page.waitForURL((u) => !u.pathname.startsWith("/register"));
  const lib = new Library(page);
  await lib.open();
  await expect(lib.cards().first()).toBeVisible();
  await snap(page, "recipes-library");

  // Full-text search finds a recipe by a word that is only in one of its steps' bodies.
  await lib.search("pam_unix");
  await expect(page).toHaveURL(/q=pam_unix/);
  await expect(lib.card(RECIPE.title)).toBeVisible();

  // Filters combine and live in the URL.
  await lib.search("");
  await lib.filter("Type", "technical");
  await lib.filter("Difficulty", "beginner");
  await lib.filter("Tool", "awk");
  await lib.apply();
  await expect(page).toHaveURL(/type=technical/);
  await expect(page).toHaveURL(/difficulty=beginner/);
  await expect(page).toHaveURL(/tool=awk/);
  await expect(lib.card(RECIPE.title)).toBeVisible();
  for (const card of await lib.cards().all()) await expect(card.getByText(/^beginner$/i)).toBeVisible();
  await snap(page, "recipes-library-filtered");
  // Reloading keeps the filters.
  await page.reload();
  await expect(page.getByLabel("Tool", { exact: true })).toHaveValue("awk");

  // Nothing matches: an empty state with a way out.
  await lib.search("zzqxnothingmatches");
  await expect(page.getByText("No recipe matches these filters")).toBeVisible();
  await snap(page, "recipes-library-empty");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(lib.cards().first()).toBeVisible();

  // The detail page: steps with commands, check-off, progress, then rating.
  await lib.search("grep awk auth");
  await lib.card(RECIPE.title).getByRole("link", { name: RECIPE.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: RECIPE.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where this is used" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Your rating" })).toHaveCount(0);
  await page.getByRole("button", { name: "Bookmark" }).click();
  await expect(page.getByRole("button", { name: "Bookmarked" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await snap(page, "recipe-detail-start");

  const steps = page.getByRole("button", { name: /^Mark step \d+, .*, as done$/ });
  const n = await steps.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 1; i <= n; i++) {
    await page.getByRole("button", { name: new RegExp(`^Mark step ${i}, `) }).click();
    await expect(page.getByText(new RegExp(`^✓ ?Step ${i} done$`))).toBeVisible();
  }
  await expect(page.getByRole("progressbar", { name: "Recipe progress" })).toHaveAttribute("aria-valuenow", "100");
  // The star is the radio's label: click it as a user would.
  await page.locator("label", { has: page.getByRole("radio", { name: "4 stars" }) }).click();
  await expect(page.getByRole("radio", { name: "4 stars" })).toBeChecked();
  await page.getByRole("button", { name: "Rate recipe" }).click();
  await expect(page.getByText("Thanks: you rated it 4 out of 5.")).toBeVisible();
  await expect(page.getByText("(1 rating)").first()).toBeVisible();
  await snap(page, "recipe-detail-completed");

  // At phone width the page still works.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: RECIPE.title })).toBeVisible();
  await snap(page, "recipe-detail-360");

  // Leaving the page records the view with its duration; the library shows the bookmark.
  await lib.open();
  await lib.filter("Bookmarks", "true");
  await lib.apply();
  await expect(lib.cards()).toHaveCount(1);
  await expect(lib.card(RECIPE.title)).toBeVisible();
  await snap(page, "recipes-library-360");
});

test("the admin sees recipe usage in the analytics", async ({ page, auth }) => {
  await auth.signIn(DEMO.admin);
  await page.goto("/admin/analytics/recipes");
  await expect(page.getByRole("heading", { name: "Recipe usage analytics" })).toBeVisible();
  const row = page.getByRole("table", { name: /Recipe usage/ }).getByRole("row", { name: new RegExp(RECIPE.title) });
  await expect(row).toBeVisible();
  // Completed by at least the learner above: a completion rate above 0%.
  await expect(row.getByRole("cell").nth(4)).not.toHaveText(/^0%/);
  await expect(page.getByRole("heading", { name: "Effectiveness" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await snap(page, "admin-recipe-analytics");
});

test("a learner may not open the recipe analytics", async ({ page, auth }) => {
  await auth.signIn(DEMO.learner);
  await page.goto("/admin/analytics/recipes");
  await expect(page).toHaveURL(/denied=1/);
});

/** The recipe sidebar of the stage player and its drawer. */
class RecipeSidebar {
  constructor(private page: Page) {}
  region() {
    return this.page.getByRole("region", { name: "Recipes for this stage" });
  }
  recommendations() {
    return this.region().getByRole("listitem").filter({ has: this.page.getByRole("button") });
  }
  reasons(title: string) {
    return this.region().getByRole("list", { name: `Why ${title}` }).getByRole("listitem");
  }
  async open(title: string) {
    await this.region().getByRole("button", { name: title, exact: true }).click();
    const drawer = this.drawer(title);
    await expect(drawer).toBeVisible();
    return drawer;
  }
  drawer(title: string) {
    return this.page.getByRole("dialog", { name: title });
  }
}

/** The admin's "Marked as used, per mission stage" table as { "recipe title|mission|stage": uses }. */
async function usesPerStage(page: Page) {
  await page.goto("/admin/analytics/recipes");
  await expect(page.getByRole("heading", { name: "Recipe usage analytics" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Marked as used, per mission stage" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Recipes marked as used per mission stage" }).locator("tbody tr");
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
  return new Map(cells.map(([title, mission, stage, uses]) => [`${title}|${mission}|${stage}`, Number(uses)]));
}

test("a learner opens a recommended recipe from the stage player, marks it used, and the admin sees the count", async ({ page, auth }) => {
  test.setTimeout(180_000); // sign-up, Foundations, start, drawer, then the admin
  const MISSION = "SIEM-01";

  // What the admin sees before, so the learner's one use is told apart from the demo data.
  await auth.signIn(DEMO.admin);
  const before = await usesPerStage(page);
  await page.context().clearCookies();

  // A fresh learner: Foundations done through the API, then SIEM-01 started from its page.
  await auth.register("Sidebar Learner", uniqueEmail("recipe-sidebar"), "recipe-sidebar-pass");
  await page.waitForURL((u) => !u.pathname.startsWith("/register"));
  const foundations = (await (await page.request.get("/api/v1/foundations")).json()) as { modules: { slug: string }[] };
  expect(foundations.modules.length).toBeGreaterThan(0);
  for (const m of foundations.modules) expect((await page.request.post(`/api/v1/foundations/${m.slug}/complete`)).ok()).toBe(true);
  const lp = new LearnerPages(page);
  await lp.startMission(MISSION);
  const progress = (await (await page.request.get(`/api/v1/missions/${MISSION}/progress`)).json()) as { current_stage: string };
  const stage = progress.current_stage;
  expect(stage).toBeTruthy();

  // The sidebar recommends recipes for this stage, each with its reasons.
  const stageUrl = page.url();
  expect(new URL(stageUrl).pathname).toBe(`/missions/${MISSION}/play`);
  const sidebar = new RecipeSidebar(page);
  await expect(sidebar.region()).toBeVisible();
  await expect(sidebar.recommendations().first()).toBeVisible();
  const title = (await sidebar.recommendations().first().getByRole("button").first().innerText()).trim();
  await expect(sidebar.reasons(title).first()).toBeVisible();
  expect(await sidebar.reasons(title).count()).toBeGreaterThan(0);

  // It opens in a drawer over the stage: same URL, the steps load, "Mark as used" records it.
  const drawer = await sidebar.open(title);
  await expect(drawer.getByText("Why this recipe")).toBeVisible();
  await expect(drawer.getByRole("heading", { name: /^Step 1: / })).toBeVisible();
  expect(page.url()).toBe(stageUrl);
  await drawer.getByRole("button", { name: "Mark as used" }).click();
  await expect(drawer.getByRole("button", { name: "Marked as used" })).toBeDisabled();
  await expect(drawer.getByRole("status").filter({ hasText: "Recorded for this stage." })).toBeVisible();
  expect(page.url()).toBe(stageUrl);
  await snap(page, "recipe-sidebar-drawer");

  // Closing it leaves the learner on the stage, the recipe flagged as used here.
  await drawer.getByRole("button", { name: "Close recipe" }).click();
  await expect(sidebar.drawer(title)).toHaveCount(0);
  await expect(page).toHaveURL(stageUrl);
  await expect(sidebar.recommendations().filter({ hasText: title }).getByText("Used here")).toBeVisible();

  // The admin sees this use counted for the recipe at this stage of SIEM-01.
  await page.context().clearCookies();
  await auth.signIn(DEMO.admin);
  const after = await usesPerStage(page);
  const key = `${title}|${MISSION}|${stage}`;
  expect(after.get(key)).toBe((before.get(key) ?? 0) + 1);
  const row = page
    .getByRole("table", { name: "Recipes marked as used per mission stage" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: title, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: stage, exact: true }) });
  await expect(row.getByRole("cell", { name: MISSION, exact: true })).toBeVisible();
  await snap(page, "recipe-sidebar-admin-used");
});
