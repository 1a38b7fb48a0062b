import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, snap, test, uniqueEmail } from "./fixtures";
import { LearnerPages } from "./mission-pages";

// An admin writes a new mission in the studio from a copy of a flagship, breaks the decision graph
// (a cycle, flagged on the canvas and in the problem list), fixes it, plays it in the preview and
// publishes it; then a new learner plays the published mission.
test.describe.configure({ mode: "serial" });

const letters = () => Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
const CODE = `ST${letters()}-${String(10 + Math.floor(Math.random() * 89))}`;
const TITLE = "Brute force at the edge (studio edition)";

const shot = (l: Locator, name: string) => l.screenshot({ path: `test-results/screenshots/${name}.png` });

/** The studio's page object. */
class Studio {
  constructor(private page: Page) {}
  async open() {
    await this.page.goto("/admin/studio");
    await expect(this.page.getByRole("heading", { name: "Studio", level: 1 })).toBeVisible();
  }
  async createMissionFromCopy(code: string, from: string) {
    const form = this.page.getByRole("form", { name: "New mission" });
    await form.getByLabel("Code (like SIEM-03)").fill(code);
    await form.getByLabel("Start from").selectOption(from);
    await form.getByRole("button", { name: "Create mission" }).click();
    await this.page.waitForURL(`**/admin/studio/missions/${code}`);
  }
  saved() {
    return expect(this.page.getByText(/^All changes saved/)).toBeVisible({ timeout: 15_000 });
  }
  problems() {
    return this.page.getByRole("list", { name: "Problems" });
  }
  choiceTarget(n: number) {
    return this.page.getByLabel("Leads to").nth(n);
  }
}

test("an admin copies a mission, breaks and fixes its graph, previews and publishes it; a learner plays it", async ({ page, auth, browser }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  await auth.signIn(DEMO.admin);
  const studio = new Studio(page);
  await studio.open();
  await expect(page.getByRole("link", { name: "SIEM-01" })).toBeVisible();
  await snap(page, "studio-list");
  await studio.createMissionFromCopy(CODE, "SIEM-01");

  await page.getByLabel("Title", { exact: true }).first().fill(TITLE);
  await studio.saved();
  await expect(page.getByText("No problems: ready to publish.")).toBeVisible();

  // The first choice of "block or watch" now leads back to the first stage: a cycle.
  await studio.choiceTarget(0).selectOption("triage");
  await studio.saved();
  await expect(studio.problems().getByText("Cycle").first()).toBeVisible();
  await expect(page.getByLabel("Decision graph canvas").getByText(/⚠/).first()).toBeVisible();
  await page.getByRole("heading", { name: "Decision graph" }).scrollIntoViewIfNeeded();
  await expect(page.getByLabel("Decision graph canvas").getByText("End", { exact: true })).toBeVisible();
  await snap(page, "studio-editor-cycle");
  await shot(page.getByLabel("Decision graph canvas"), "studio-canvas-cycle");
  await shot(page.locator("aside").filter({ hasText: "Problems" }), "studio-problems-cycle");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screenshots/studio-editor-top.png" });
  // Choosing the problem takes the author to the field at fault.
  await studio.problems().getByRole("button").first().click();
  await studio.choiceTarget(0).selectOption("contain");
  await studio.saved();
  await expect(page.getByText("No problems: ready to publish.")).toBeVisible();

  // Someone else saves the draft meanwhile: the next save is refused, the author's edit stays on
  // screen, and they choose to keep it.
  const api = `/api/v1/admin/studio/missions/${CODE}`;
  const stored = await (await page.request.get(api)).json();
  expect((await page.request.put(api, { data: { draft_version: stored.draft_version, mission: { ...stored.mission, summary: "Saved from elsewhere" } } })).status()).toBe(200);
  await page.getByLabel("Title", { exact: true }).first().fill(`${TITLE}!`);
  await expect(page.getByText("Someone else saved this draft")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel("Title", { exact: true }).first()).toHaveValue(`${TITLE}!`);
  await page.screenshot({ path: "test-results/screenshots/studio-conflict.png" });
  await page.getByRole("button", { name: "Keep my version (overwrite theirs)" }).click();
  await studio.saved();
  await page.getByLabel("Title", { exact: true }).first().fill(TITLE);
  await studio.saved();

  // Try an answer against the first stage's check before publishing.
  await page.getByLabel("Try an answer").first().fill("10.0.0.1");
  await expect(page.getByText(/incorrect/).first()).toBeVisible();

  // Play it in the sandbox.
  await page.getByRole("button", { name: "Start preview" }).click();
  await expect(page.getByRole("heading", { name: "Triage the alert", level: 3 })).toBeVisible();
  await page.getByRole("button", { name: "Complete stage" }).click();
  await expect(page.getByRole("heading", { name: "Scope the attempt", level: 3 })).toBeVisible();
  await page.getByRole("button", { name: "Reset preview" }).click();
  await expect(page.getByRole("heading", { name: "Triage the alert", level: 3 })).toBeVisible();

  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByText("Not published yet: everything is new.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await snap(page, "studio-editor-published");
  await shot(page.locator("#publish").locator(".."), "studio-publish");
  await shot(page.locator("#preview").locator(".."), "studio-preview");
  console.log(`[studio] author flow from sign-in to published: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await snap(page, "studio-editor-360");
  await page.screenshot({ path: "test-results/screenshots/studio-editor-360-top.png" });
  await page.getByLabel("Decision graph canvas").scrollIntoViewIfNeeded();
  await expect(page.getByLabel("Decision graph canvas").getByText("End", { exact: true })).toBeVisible();
  await shot(page.getByLabel("Decision graph canvas"), "studio-canvas-360");
  await page.goto("/admin/studio");
  await snap(page, "studio-list-360");

  // A new learner finds the published mission and plays it.
  const context = await browser.newContext();
  const learnerPage = await context.newPage();
  await learnerPage.goto("/register");
  await learnerPage.getByLabel("Name").fill("Studio Learner");
  await learnerPage.getByLabel("Email").fill(uniqueEmail("studio"));
  await learnerPage.getByLabel("Password").fill("studio-learner-pass");
  await learnerPage.getByRole("button", { name: "Create account" }).click();
  await learnerPage.waitForURL((u) => !u.pathname.startsWith("/register"));
  const learner = new LearnerPages(learnerPage);
  await learner.completeFoundations();
  await learner.startMission(CODE);
  await expect(learner.stageHeading()).toHaveText("Triage the alert");
  await learnerPage.goto(`/missions/${CODE}`);
  await expect(learnerPage.getByRole("heading", { name: TITLE })).toBeVisible();
  await context.close();
});
