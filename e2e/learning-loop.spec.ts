import { test, expect, snap, uniqueEmail } from "./fixtures";
import { LearnerPages } from "./mission-pages";

// SPEC §7 "The learning loop", as one learner's story: they choose at a decision point and read the
// consequence before moving on, get stuck on the next stage (two wrong answers), are offered one
// nudge, open it, and quote moments of their attempt's timeline in the reflection.

const SCOPE_OUTPUT = "   10 203.0.113.47\n    1 10.20.4.31\nusers: admin root oracle ubuntu deploy\n";

test("a learner sees the consequence of a choice, gets a nudge when stuck, opens it, and quotes a timeline moment in the reflection", async ({ page, auth }) => {
  test.setTimeout(150_000);
  const lp = new LearnerPages(page);
  await auth.register("Nico Nudged", uniqueEmail("nudge"), "a-long-enough-password");
  await page.waitForURL("**/dashboard");
  // Foundations and the start through the API the pages use (the UI for both is covered in learner.spec).
  const foundations = await (await page.request.get("/api/v1/foundations")).json();
  for (const m of foundations.modules as { slug: string }[]) expect((await page.request.post(`/api/v1/foundations/${m.slug}/complete`)).ok()).toBe(true);
  expect((await page.request.post("/api/v1/tracks/defender/enroll")).ok()).toBe(true);
  expect((await page.request.post("/api/v1/missions/SIEM-01/start")).ok()).toBe(true);
  expect((await page.request.post("/api/v1/missions/SIEM-01/stages/triage/complete", { data: { notes: "10 failures from 203.0.113.47: true positive.", answer: "203.0.113.47" } })).ok()).toBe(true);

  // The decision and its consequence, read before moving on.
  await page.goto("/missions/SIEM-01/play");
  await expect(lp.stageHeading()).toHaveText("Scope the attempt");
  await lp.uploadEvidence("uniq-count.txt", SCOPE_OUTPUT);
  await lp.completeStage("deploy logged in with a password at 02:14:52 from 203.0.113.47.", { label: "Targeted usernames, comma-separated", value: "admin, root, oracle, ubuntu, deploy" });
  await lp.decide(/Keep watching/);
  await expect(page.getByText("Consequence", { exact: true }).first()).toBeVisible();
  await expect(lp.stageHeading()).toHaveText("Scope the attempt"); // still here: the consequence first
  await snap(page, "learning-loop-consequence");
  await page.getByRole("button", { name: /Continue to “Keep watching/ }).click();
  await expect(lp.stageHeading()).toContainText("Keep watching");

  // Stuck: two wrong answers on the watch stage.
  for (const answer of ["22", "5432"]) {
    const r = await page.request.post("/api/v1/missions/SIEM-01/stages/watch/complete", { data: { notes: "The bastion connects out to this port, from the firewall lines.", answer } });
    expect(r.ok()).toBe(true);
  }
  await page.goto("/missions/SIEM-01/play?stage=watch");
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
  await expect(moments.getByText(/Decided: Keep watching/).first()).toBeVisible();
  await expect(moments.getByText(/Answered “Keep watching.*the answer did not match/).first()).toBeVisible();
  await page.getByRole("button", { name: /^Quote: Decided: Keep watching/ }).first().click();
  await expect(page.getByLabel("Your reflection")).toHaveValue(/^> \d\d:\d\d( [AP]M)? — Decided: Keep watching/);
  await page.getByRole("button", { name: /^Quote: Answered “Keep watching/ }).first().click();
  await expect(page.getByLabel("Your reflection")).toHaveValue(/Answered “Keep watching[^\n]*the answer did not match/);
  await snap(page, "learning-loop-reflection-timeline");
});
