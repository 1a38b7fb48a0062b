import type { Page } from "@playwright/test";
import { DEMO, expect, snap, test, uniqueEmail } from "./fixtures";
import { LearnerPages } from "./mission-pages";

// Issue 16's author story from nothing: an admin builds a mission with two decisions in the
// browser (no JSON), sees a cycle flagged, fixes it, previews, publishes; a new learner plays it.

const letters = () => Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
const CODE = `SC${letters()}-${String(10 + Math.floor(Math.random() * 89))}`;
const TITLE = "Phish in the finance inbox";

const STAGES = [
  { title: "Read the report", instructions: "Open the reported email and note the sender, the link and the attachment." },
  { title: "Check the link", instructions: "Decode the link and say where it really goes." },
  { title: "Warn the team", instructions: "Write two sentences that tell finance what to look out for." },
  { title: "Block the sender", instructions: "Block the sending domain at the mail gateway and say how you checked it." },
];

/** A stage's card (collapsed ones are opened first). */
async function stage(page: Page, n: number) {
  const card = page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^Stage ${n}:`) }) });
  if ((await card.getAttribute("open")) === null) await card.locator("summary").click();
  return card;
}

test("an admin builds a mission with two decisions from nothing, fixes a cycle, previews and publishes; a learner plays it", async ({ page, auth, browser }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  await auth.signIn(DEMO.admin);
  await page.goto("/admin/studio");
  const form = page.getByRole("form", { name: "New mission" });
  await form.getByLabel("Code (like SIEM-03)").fill(CODE);
  await form.getByRole("button", { name: "Create mission" }).click();
  await page.waitForURL(`**/admin/studio/missions/${CODE}`);

  // The overview.
  await page.getByLabel("Title", { exact: true }).first().fill(TITLE);
  await page.getByLabel("Estimated minutes").fill("30");
  await page.getByLabel("Track").selectOption("defender");
  await page.getByLabel("Tier").selectOption("beginner");
  await page.getByLabel("Summary (catalogue card)").fill("A clerk reports a suspicious invoice email: read it, decide, contain.");
  await page.getByLabel("Story", { exact: true }).fill("**Brightwater Dental** pays 400 invoices a month. This morning an email asks to pay an *overdue invoice*.");
  await page.getByLabel("Objectives").fill("Tell a phish from a real invoice\nDecide how to contain it");

  // Four stages.
  for (let i = 0; i < STAGES.length; i++) await page.getByRole("button", { name: "Add stage" }).click();
  for (const [i, s] of STAGES.entries()) {
    const card = await stage(page, i + 1);
    await card.getByLabel("Title", { exact: true }).fill(s.title);
    await card.getByLabel("Instructions", { exact: true }).fill(s.instructions);
  }

  // Two decisions: after stage 1 (check the link, or warn the team straight away), and after stage 2.
  await page.getByRole("button", { name: "Add decision" }).click();
  await page.getByRole("button", { name: "Add decision" }).click();
  const d1 = page.getByRole("group", { name: "Decision 1" });
  await d1.getByLabel("After stage").selectOption("stage-1");
  await d1.getByLabel("Prompt").fill("Do you open the link in a sandbox, or warn finance now?");
  await d1.getByLabel("Label").nth(0).fill("Check the link first");
  await d1.getByLabel("Consequence (shown after choosing)").nth(0).fill("You learn where the link goes before anyone else clicks it.");
  await d1.getByLabel("Leads to").nth(0).selectOption("stage-2");
  await d1.getByLabel("Expert's choice").nth(0).check();
  await d1.getByLabel("Label").nth(1).fill("Warn finance now");
  await d1.getByLabel("Consequence (shown after choosing)").nth(1).fill("Finance is warned, but you do not know what the link does.");
  await d1.getByLabel("Leads to").nth(1).selectOption("stage-3");
  const d2 = page.getByRole("group", { name: "Decision 2" });
  await d2.getByLabel("After stage").selectOption("stage-2");
  await d2.getByLabel("Prompt").fill("The link harvests passwords. Block the sender, or stop here?");
  await d2.getByLabel("Label").nth(0).fill("Block the sender");
  await d2.getByLabel("Consequence (shown after choosing)").nth(0).fill("No more emails from that domain reach anyone.");
  await d2.getByLabel("Leads to").nth(0).selectOption("stage-4");
  await d2.getByLabel("Label").nth(1).fill("Stop here");
  await d2.getByLabel("Consequence (shown after choosing)").nth(1).fill("The next wave lands tomorrow.");
  await d2.getByLabel("Leads to").nth(1).selectOption("end");

  // A rubric criterion for the whole mission.
  await page.getByRole("button", { name: "Add criterion" }).click();
  const crit = page.getByRole("group", { name: "Criterion 1" });
  await crit.getByLabel("Title", { exact: true }).fill("Evidence-led judgement");
  await crit.getByLabel("Descriptor").nth(1).fill("Each step backed by what the email showed");

  await expect(page.getByText(/^All changes saved/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("No problems: ready to publish.")).toBeVisible({ timeout: 15_000 });

  // A choice that leads back to the first stage is a cycle: flagged on the canvas and in the list, then fixed.
  await d2.getByLabel("Leads to").nth(1).selectOption("stage-1");
  await expect(page.getByRole("list", { name: "Problems" }).getByText("Cycle").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel("Decision graph canvas").getByText(/⚠/).first()).toBeVisible();
  await snap(page, "studio-scratch-cycle");
  await d2.getByLabel("Leads to").nth(1).selectOption("end");
  await expect(page.getByText("No problems: ready to publish.")).toBeVisible({ timeout: 15_000 });

  // Preview, then publish.
  await page.getByRole("button", { name: "Start preview" }).click();
  await expect(page.getByRole("heading", { name: "Read the report", level: 3 })).toBeVisible();
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByText("Not published yet: everything is new.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await snap(page, "studio-scratch-published");
  console.log(`[studio] from nothing to published, two decisions: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // A new learner plays it: the first stage, then the first decision and its consequence.
  const context = await browser.newContext();
  const learnerPage = await context.newPage();
  await learnerPage.goto("/register");
  await learnerPage.getByLabel("Name").fill("Scratch Learner");
  await learnerPage.getByLabel("Email").fill(uniqueEmail("scratch"));
  await learnerPage.getByLabel("Password").fill("scratch-learner-pass");
  await learnerPage.getByRole("button", { name: "Create account" }).click();
  await learnerPage.waitForURL((u) => !u.pathname.startsWith("/register"));
  const learner = new LearnerPages(learnerPage);
  await learner.completeFoundations();
  await learner.startMission(CODE);
  await expect(learner.stageHeading()).toHaveText("Read the report");
  await learner.completeStage("Sender accounts@medisupp1y.test, link to a look-alike domain, a zip attachment.");
  await learner.decide(/Check the link first/);
  await expect(learnerPage.getByText("You learn where the link goes before anyone else clicks it.").first()).toBeVisible();
  await context.close();
});
