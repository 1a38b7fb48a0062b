import { test, expect, snap, uniqueEmail, axeViolations } from "./fixtures";
import { LearnerPages } from "./mission-pages";

// A new learner from sign-up to submission on the branching beginner mission SIEM-01
// (triage → scope → [block | watch] → contain → [escalate | close | false positive]).
const SCOPE_OUTPUT = "   10 203.0.113.47\n    1 10.20.4.31\nusers: admin root oracle ubuntu deploy\n";

test.describe("learner: Foundations to submission", () => {
  test("signs up, sees locked missions, completes Foundations, plays SIEM-01 through two decisions and submits", async ({ page, auth }) => {
    test.setTimeout(180_000);
    const lp = new LearnerPages(page);
    await auth.register("Riley Learner", uniqueEmail("learner"), "a-long-enough-password");
    await page.waitForURL("**/dashboard");

    // Locked with the reason.
    const card = lp.missionCard("SIEM-01");
    await expect(card.getByText("Complete Foundations to unlock beginner defender missions.")).toBeVisible();
    await expect(page.getByText("Start with Foundations")).toBeVisible();
    await snap(page, "learner-01-dashboard-locked");

    await lp.completeFoundations();
    await lp.enrol("Defender");
    await snap(page, "learner-02-foundations-done");

    await page.goto("/dashboard");
    await expect(lp.missionCard("SIEM-01").getByText(/Locked/)).toHaveCount(0);
    await expect(page.getByText(/Pass 2 more beginner defender missions to unlock intermediate defender missions/).first()).toBeVisible();
    // Filters live in the URL, and the selects work from the keyboard.
    await page.getByRole("searchbox", { name: "Search" }).fill("brute");
    const track = page.getByRole("combobox", { name: "Track" });
    await track.focus();
    await page.keyboard.press("d");
    await expect(track).toHaveValue("defender");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=brute/);
    await expect(page).toHaveURL(/track=defender/);
    await expect(page.getByRole("combobox", { name: "Track" })).toHaveValue("defender");
    await expect(page.getByRole("combobox", { name: "Tier" })).toHaveValue("");
    await expect(lp.missionCard("SIEM-01")).toBeVisible();
    await snap(page, "learner-03-dashboard-unlocked");

    await page.goto("/missions/SIEM-01");
    await expect(page.getByRole("heading", { name: "Brute force at the edge" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recommended recipes" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "learner-04-overview");
    await page.getByRole("button", { name: "Start mission" }).click();
    await page.waitForURL("**/missions/SIEM-01/play");

    // Stage 1: triage, with a hint and a tool.
    await expect(lp.stageHeading()).toHaveText("Triage the alert");
    await expect(page.getByRole("button", { name: "Unlock hint 1 (−2 points)" })).toBeVisible();
    await page.getByRole("button", { name: "Unlock hint 1 (−2 points)" }).click();
    // The hint's markdown is rendered: a code span, not raw backticks (issue 17).
    const hint1 = page.locator("#hints").getByText(/Only lines containing Failed password/);
    await expect(hint1).toBeVisible();
    await expect(hint1.locator("code", { hasText: "Failed password" })).toBeVisible();
    await expect(page.locator("#hints")).not.toContainText("`");
    await expect(page.getByRole("button", { name: "Unlock hint 2 (−5 points)" })).toBeVisible();
    await page.getByLabel("Tool used").fill("grep");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("list", { name: "Tools recorded" }).getByText("grep")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "learner-05-stage-triage");
    await lp.completeStage("10 failures from 203.0.113.47, 1 typo from 10.20.4.31: true positive.", { label: "Source IP address of the brute force", value: "203.0.113.47" });

    // Stage 2: scope, with evidence, then the first decision.
    await expect(lp.stageHeading()).toHaveText("Scope the attempt");
    await lp.uploadEvidence("uniq-count.txt", SCOPE_OUTPUT);
    await snap(page, "learner-06-stage-evidence");
    await lp.completeStage("deploy logged in with a password at 02:14:52 from 203.0.113.47.", { label: "Targeted usernames, comma-separated", value: "admin, root, oracle, ubuntu, deploy" });
    await expect(page.getByRole("heading", { name: "Decision point" })).toBeVisible();
    await snap(page, "learner-07-decision");
    await lp.decide(/Block the IP at the edge/);
    await expect(page.getByText(/You move straight to containment/)).toBeVisible();
    await snap(page, "learner-08-consequence");
    await page.getByRole("button", { name: /Continue to “Contain at the edge and on the host”/ }).click();

    // Stage 3: contain, then the second decision.
    await expect(lp.stageHeading()).toHaveText("Contain at the edge and on the host");
    await lp.completeStage("Preserved auth.log and ss -tpn; iptables drop both directions; usermod -L deploy.", { label: "Address or CIDR you blocked", value: "203.0.113.47/32" });
    await lp.decide(/Escalate to incident response/);
    await page.getByRole("button", { name: /Continue to “Escalate to incident response”/ }).click();

    // Stage 4: handoff, the end of this path.
    await expect(lp.stageHeading()).toHaveText("Escalate to incident response");
    await expect(lp.path()).toContainText("Triage the alert");
    await expect(lp.path()).toContainText("Contain at the edge");
    await expect(lp.path()).not.toContainText("Keep watching");
    await lp.completeStage("Summary: deploy compromised via password from 203.0.113.47 at 02:14:52; blocked and locked by 02:40. Asks: rotate keys, image bastion-01.");
    await expect(page.getByText("You reached the end of your path")).toBeVisible();
    await snap(page, "learner-09-path-end");

    // Submit too early is refused with the missing reflection named.
    await page.goto("/missions/SIEM-01/submit");
    await expect(page.getByRole("list", { name: "Missing items" })).toContainText("Write your reflection");
    await snap(page, "learner-10-submit-missing");

    await page.getByRole("link", { name: "Write it" }).click();
    await page.getByLabel("Your reflection").fill("I blocked first because the deploy login had succeeded; next time I would alert on password logins to the bastion.");
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page.getByText("Reflection saved.")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "learner-11-reflection");

    await page.getByRole("link", { name: "Continue to submit →" }).click();
    await expect(page.getByText("Everything is in place")).toBeVisible();
    await snap(page, "learner-12-submit-ready");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.waitForURL("**/missions/SIEM-01/complete");
    await page.goto("/dashboard");
    await expect(lp.missionCard("SIEM-01").getByText("Submitted")).toBeVisible();
  });

  test("another path through SIEM-01 visits different stages", async ({ page, auth }) => {
    test.setTimeout(150_000);
    const lp = new LearnerPages(page);
    await auth.register("Sasha Watcher", uniqueEmail("watcher"), "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    await lp.completeFoundations();
    await lp.startMission("SIEM-01");
    await lp.completeStage("203.0.113.47 made ten of eleven failures: true positive.", { label: "Source IP address of the brute force", value: "203.0.113.47" });
    await expect(lp.stageHeading()).toHaveText("Scope the attempt");
    await lp.uploadEvidence("users.txt", SCOPE_OUTPUT);
    await lp.completeStage("deploy succeeded at 02:14:52; admin, oracle, ubuntu are invalid users.", { label: "Targeted usernames, comma-separated", value: "admin,root,oracle,ubuntu,deploy" });
    await lp.decide(/Keep watching for 20 minutes/);
    await page.getByRole("button", { name: /Continue to “Keep watching: the firewall tells you more”/ }).click();
    await expect(lp.stageHeading()).toHaveText("Keep watching: the firewall tells you more");
    await snap(page, "learner-13-watch-branch");
    await lp.completeStage("02:21:44 bastion called out to 203.0.113.47:4444, then 10.20.8.40:5432.", { label: "Destination port of the bastion's outbound connection", value: "4444" });
    await expect(lp.stageHeading()).toHaveText("Contain at the edge and on the host");
    await lp.completeStage("Dropped 203.0.113.47 both ways, locked deploy, killed its sessions.", { label: "Address or CIDR you blocked", value: "203.0.113.47" });
    await lp.decide(/Close the alert as a false positive/);
    await expect(page.getByText(/Three days later/)).toBeVisible();
    await expect(lp.path()).toContainText("Keep watching: the firewall tells you more");
    await expect(lp.path()).not.toContainText("Escalate to incident response");
    await snap(page, "learner-14-watch-path-end");
  });

  test("the dashboard and the mission overview fit a 360 px screen", async ({ page, auth }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await auth.register("Narrow Screen", uniqueEmail("narrow"), "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(1);
    await snap(page, "learner-15-dashboard-360");
    await page.goto("/missions/SIEM-01");
    await expect(page.getByRole("alert").filter({ hasText: "Complete Foundations" }).or(page.getByText("Complete Foundations to unlock beginner defender missions.")).first()).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(1);
    await snap(page, "learner-16-overview-360");
  });
});
