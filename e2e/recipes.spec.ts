import type { Page } from "@playwright/test";
import { AuthPage, DEMO, axeViolations, expect, snap, test, uniqueEmail } from "./fixtures";

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
