import { test, expect, snap, uniqueEmail } from "./fixtures";

// SPEC §7 "The learning loop": a learner who answers wrong twice is offered one nudge, opens it,
// and quotes a moment of their attempt's timeline in the reflection.

test("a stuck learner gets a nudge, opens it, and quotes a timeline moment in the reflection", async ({ page, auth }) => {
  test.setTimeout(120_000);
  await auth.register("Nico Nudged", uniqueEmail("nudge"), "a-long-enough-password");
  await page.waitForURL("**/dashboard");
  // Foundations and the start through the API the pages use (the UI for both is covered in learner.spec).
  const foundations = await (await page.request.get("/api/v1/foundations")).json();
  for (const m of foundations.modules as { slug: string }[]) expect((await page.request.post(`/api/v1/foundations/${m.slug}/complete`)).ok()).toBe(true);
  expect((await page.request.post("/api/v1/tracks/defender/enroll")).ok()).toBe(true);
  expect((await page.request.post("/api/v1/missions/SIEM-01/start")).ok()).toBe(true);
  for (const answer of ["198.51.100.7", "192.0.2.10"]) {
    const r = await page.request.post("/api/v1/missions/SIEM-01/stages/triage/complete", { data: { notes: "I think the source is this address, from the alert line.", answer } });
    expect(r.ok()).toBe(true);
  }

  await page.goto("/missions/SIEM-01/play?stage=triage");
  const nudge = page.getByRole("complementary", { name: "A suggestion to get unstuck" });
  await expect(nudge).toBeVisible();
  await expect(nudge).toContainText("Your last two answers on this stage did not match");
  await page.setViewportSize({ width: 360, height: 800 });
  await snap(page, "learning-loop-nudge-360");
  await page.setViewportSize({ width: 1280, height: 900 });
  const open = nudge.getByRole("link", { name: /Open the recipe|Go to the hints/ });
  const toRecipe = (await open.textContent())?.includes("recipe");
  await open.click();
  if (toRecipe) await page.waitForURL(/\/recipes\//);

  await page.goto("/missions/SIEM-01/reflection");
  const moments = page.getByRole("list", { name: "Timeline of your attempt" });
  await expect(moments.getByText("Answered “Triage the alert”; the answer did not match").first()).toBeVisible();
  await page.getByRole("button", { name: /^Quote: Answered “Triage the alert”/ }).first().click();
  await expect(page.getByLabel("Your reflection")).toHaveValue(/^> \d\d:\d\d( [AP]M)? — Answered “Triage the alert”; the answer did not match/);
  await snap(page, "learning-loop-reflection-timeline");
});
