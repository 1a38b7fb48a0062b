import type { Browser, Page } from "@playwright/test";
import { AuthPage, DEMO, axeViolations, expect, snap, test } from "./fixtures";

// The loop learner → mentor → learner → portfolio, on the demo data: the demo history leaves
// submissions of the demo cohort (Dana Whitfield and her peers) waiting for the demo mentor.
test.describe.configure({ mode: "serial" });

const PEERS: Record<string, string> = {
  "Amara Okafor": "amara.okafor@demo.sortie.dev",
  "Jonas Berg": "jonas.berg@demo.sortie.dev",
  "Priya Raman": "priya.raman@demo.sortie.dev",
  "Lucas Moreau": "lucas.moreau@demo.sortie.dev",
  "Mei Tanaka": "mei.tanaka@demo.sortie.dev",
};

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await new AuthPage(page).signIn(email);
  return page;
}

/** Review queue rows (page object). */
function queueRows(page: Page) {
  return page.getByRole("list", { name: "Submissions, oldest first" }).getByRole("listitem");
}

async function scoreEveryCriterion(page: Page, pick: "top" | "bottom") {
  const groups = page.getByRole("radiogroup");
  const n = await groups.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const radios = groups.nth(i).getByRole("radio");
    await (pick === "top" ? radios.last() : radios.first()).check();
  }
}

let approved: { code: string; progressUrl: string } | undefined;

test("mentor scores with the rubric (live score), recommends a recipe and approves; the learner sees the result and the portfolio item", async ({ browser }) => {
  const mentor = await signedIn(browser, DEMO.mentor);
  await mentor.goto("/review");
  await expect(mentor.getByRole("heading", { name: "Review queue" })).toBeVisible();
  const dana = queueRows(mentor).filter({ hasText: "Dana Whitfield" }).first();
  await expect(dana).toBeVisible();
  await expect(dana).toContainText("Pre-score");
  expect(await axeViolations(mentor)).toEqual([]);
  await snap(mentor, "review-queue");
  await mentor.setViewportSize({ width: 360, height: 800 });
  await snap(mentor, "review-queue-360");
  await mentor.setViewportSize({ width: 1280, height: 900 });

  const code = (await dana.locator(".font-mono").first().textContent())!.trim();
  await dana.getByRole("link", { name: /^Review / }).click();
  await expect(mentor.getByRole("heading", { name: new RegExp(`^${code}`) })).toBeVisible();
  await expect(mentor.getByRole("heading", { name: "The learner's path" })).toBeVisible();
  await expect(mentor.getByRole("heading", { name: "Automated pre-score" })).toBeVisible();

  // The score updates as levels are picked.
  const live = mentor.getByTestId("live-score");
  const before = await live.textContent();
  await mentor.getByRole("radiogroup").first().getByRole("radio").last().check();
  await expect(live).not.toHaveText(before!);
  await scoreEveryCriterion(mentor, "top");
  const finalScore = (await live.textContent())!.trim();
  await expect(mentor.getByText("passes", { exact: true })).toBeVisible();

  // Searchable recipe picker.
  await mentor.getByLabel("Search recipes by title or skill").fill("log");
  await mentor.getByRole("checkbox").first().check();
  await expect(mentor.getByRole("list", { name: "Recipes you recommend" }).getByRole("listitem")).toHaveCount(1);

  await mentor.getByLabel("Overall feedback").fill("Clear, evidence-led work. Next time quote the exact log lines in your report.");
  await mentor.getByRole("radio", { name: /Approve/ }).check();
  await snap(mentor, "review-rubric");
  const progressUrl = mentor.url();
  await mentor.getByRole("button", { name: "Submit review" }).click();
  await mentor.waitForURL(/\/review\?reviewed=/);
  await expect(mentor.getByText("Review saved")).toBeVisible();
  approved = { code, progressUrl };

  // The learner's completion screen and portfolio.
  const learner = await signedIn(browser, DEMO.learner);
  await learner.goto(`/missions/${code}/complete`);
  await expect(learner.getByText("Approved").first()).toBeVisible();
  await expect(learner.getByText(finalScore).first()).toBeVisible();
  await expect(learner.getByRole("heading", { name: "Rubric breakdown" })).toBeVisible();
  await expect(learner.getByText("quote the exact log lines")).toBeVisible();
  await expect(learner.getByRole("heading", { name: "Recommended recipes" })).toBeVisible();
  await expect(learner.getByRole("heading", { name: "Your path and the expert's" })).toBeVisible();
  expect(await axeViolations(learner)).toEqual([]);
  await snap(learner, "completion");

  await learner.getByRole("link", { name: "View portfolio" }).click();
  await expect(learner.getByRole("heading", { name: "Portfolio", exact: true })).toBeVisible();
  const toggle = learner.getByRole("switch", { name: new RegExp(`Public: ${code}`) });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const share = learner.getByRole("link", { name: /^\/p\// }).first();
  await expect(share).toBeVisible();
  await snap(learner, "portfolio");
  const href = (await share.getAttribute("href"))!;

  // The public page, signed out: the item, nothing private.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(href);
  await expect(anon.getByText(code).first()).toBeVisible();
  await expect(anon.getByText("Dana Whitfield")).toBeVisible();
  await expect(anon.getByText(DEMO.learner)).toHaveCount(0);
  await snap(anon, "portfolio-public");
  await anon.setViewportSize({ width: 360, height: 800 });
  await snap(anon, "portfolio-public-360");
});

test("a reviewed submission refuses a stale review with a clear 409", async ({ browser }) => {
  const mentor = await signedIn(browser, DEMO.mentor);
  await mentor.goto("/review");
  const row = queueRows(mentor).first();
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: /^Review / }).click();
  await expect(mentor.getByRole("heading", { name: "Rubric" })).toBeVisible();
  await scoreEveryCriterion(mentor, "bottom");
  // Meanwhile the same submission is reviewed elsewhere (same version, through the API).
  const id = mentor.url().split("/review/")[1];
  const detail = await (await mentor.request.get(`/api/v1/reviews/${id}`)).json();
  const scores = detail.rubric.filter((c: { on_path: boolean }) => c.on_path).map((c: { key: string }) => ({ criterion: c.key, level: 0 }));
  const r = await mentor.request.post(`/api/v1/reviews/${id}`, {
    data: { version: detail.progress.version, outcome: "changes_requested", scores, feedback: "Attach the evidence you relied on for each finding, then resubmit." },
  });
  expect(r.status()).toBe(201);

  await mentor.getByLabel("Overall feedback").fill("Needs the evidence.");
  await mentor.getByRole("radio", { name: /Request changes/ }).check();
  await mentor.getByRole("button", { name: "Submit review" }).click();
  const alert = mentor.getByRole("alert").filter({ hasText: "Someone else got there first" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Sam Okoye reviewed this submission");
  await snap(mentor, "review-409");

  // Request changes sent the attempt back to the learner.
  const after = await (await mentor.request.get(`/api/v1/reviews/${id}`)).json();
  expect(after.progress.state).toBe("in_progress");
  const email = PEERS[detail.learner.name] ?? (detail.learner.name === "Dana Whitfield" ? DEMO.learner : undefined);
  if (email) {
    const learner = await signedIn(browser, email);
    await learner.goto(`/missions/${detail.mission.code}/complete`);
    await expect(learner.getByText("Your mentor asked for changes")).toBeVisible();
    await expect(learner.getByText("Attach the evidence you relied on")).toBeVisible();
    await snap(learner, "completion-changes-requested");
  }
});

test("the review screen reads well at 360 px and a stranger's submission is not found", async ({ browser }) => {
  expect(approved, "the first test approved a submission").toBeDefined();
  const mentor = await signedIn(browser, DEMO.mentor);
  await mentor.setViewportSize({ width: 360, height: 800 });
  await mentor.goto(approved!.progressUrl);
  await expect(mentor.getByText("Not waiting for review")).toBeVisible();
  await snap(mentor, "review-reviewed-360");
  const missing = await mentor.goto("/review/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(mentor.getByText("Submission not found")).toBeVisible();
});
