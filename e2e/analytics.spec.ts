import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO, axeViolations, expect, snap, test, uniqueEmail } from "./fixtures";

/** Page object for the analytics pages: selectors in one place. */
class AnalyticsPage {
  constructor(private page: Page) {}
  funnelRow(step: string | RegExp) {
    return this.page.getByRole("table", { name: "Stage funnel" }).getByRole("row").filter({ hasText: step });
  }
  funnelStep(label: string | RegExp) {
    return this.page.getByRole("table", { name: "Stage funnel" }).getByRole("cell", { name: label, exact: typeof label === "string" });
  }
  async startedCount() {
    const cells = this.funnelRow("Started").getByRole("cell");
    return Number(await cells.nth(1).innerText());
  }
  async filter(values: { track?: string; tier?: string; mission?: string; from?: string }) {
    if (values.from !== undefined) await this.page.getByLabel("Started from").fill(values.from);
    if (values.track !== undefined) await this.page.getByLabel("Track").selectOption(values.track);
    if (values.tier !== undefined) await this.page.getByLabel("Tier").selectOption(values.tier);
    if (values.mission !== undefined) await this.page.getByLabel("Mission", { exact: true }).selectOption(values.mission);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }
}

test.describe("analytics", () => {
  test("the admin filters the mission performance dashboard and sees the funnel change", async ({ page, auth }) => {
    test.setTimeout(180_000); // several pages and a learner's set-up on a shared 2-core machine
    // Make sure there is at least one open attempt with stage timing: a learner of its own (the review
    // tests drive the demo learners' attempts in the other worker) starts a mission and the browser
    // sends stage telemetry through the ingest endpoint (session cookie).
    await auth.register("Funnel Learner", uniqueEmail("funnel"), "funnel-learner-pass");
    await page.waitForURL((u) => !u.pathname.startsWith("/register"));
    const foundations = (await (await page.request.get("/api/v1/foundations")).json()) as { modules: { slug: string }[] };
    for (const m of foundations.modules) expect((await page.request.post(`/api/v1/foundations/${m.slug}/complete`)).ok()).toBe(true);
    const catalogue = await (await page.request.get("/api/v1/missions")).json();
    const startable = (catalogue.missions as { code: string; locked: boolean; state: string }[]).filter((m) => !m.locked && m.state === "not_started");
    expect(startable.length).toBeGreaterThan(0);
    const code = startable[0].code;
    const start = await page.request.post(`/api/v1/missions/${code}/start`);
    expect([200, 201]).toContain(start.status());
    const progress = await start.json();
    const t0 = Date.now() - 120_000;
    const ev = (type: string, at: number, payload: Record<string, unknown> = {}) => ({
      event_id: randomUUID(),
      type,
      occurred_at: new Date(at).toISOString(),
      mission: code,
      progress: progress.id,
      stage: progress.current_stage ?? "triage",
      payload,
    });
    const batch = { events: [ev("stage.entered", t0), ev("stage.left", t0 + 95_000, { visible_ms: 95_000 })] };
    const ingest = await page.request.post("/api/v1/telemetry/events", { data: batch });
    expect(ingest.status()).toBe(200);
    expect(await ingest.json()).toEqual({ accepted: 2, duplicates: 0 });
    // A retry of the same batch (as after a lost response) stores nothing twice.
    expect(await (await page.request.post("/api/v1/telemetry/events", { data: batch })).json()).toEqual({ accepted: 0, duplicates: 2 });
    // The learner may not open analytics.
    expect((await page.request.get("/api/v1/missions/analytics/performance")).status()).toBe(403);
    await page.context().clearCookies();

    await auth.signIn(DEMO.admin);
    await page.goto("/admin/analytics");
    const a = new AnalyticsPage(page);
    await expect(page.getByRole("heading", { name: "Mission performance", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Stage funnel" })).toBeVisible();
    const allStarted = await a.startedCount();
    expect(allStarted).toBeGreaterThan(0);
    await expect(a.funnelStep("Stage 1")).toBeVisible();
    await snap(page, "analytics-admin-performance");

    // One mission: the funnel names its stages and the decision section shows its decision points.
    await a.filter({ mission: code });
    await expect(page).toHaveURL(new RegExp(`mission=${code}`));
    await expect(a.funnelStep(/^Stage 1: /)).toBeVisible();
    const missionStarted = await a.startedCount();
    expect(missionStarted).toBeGreaterThan(0);
    expect(missionStarted).toBeLessThanOrEqual(allStarted);
    await expect(page.getByRole("table", { name: "Time per stage", includeHidden: true })).toBeAttached();
    await snap(page, "analytics-admin-performance-one-mission");
    expect(await axeViolations(page)).toEqual([]);

    // A date range: attempts started from tomorrow on are none yet (a range of whole days, summed from
    // the aggregates' daily buckets); clearing it brings the mission's attempts back.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await a.filter({ from: tomorrow });
    await expect(page).toHaveURL(new RegExp(`from=${tomorrow}`));
    await expect(page.getByText("No attempts match these filters yet")).toBeVisible();
    await expect(page.getByLabel("Started from")).toHaveValue(tomorrow);
    await a.filter({ from: "" });
    expect(await a.startedCount()).toBe(missionStarted);
    // A quick range is one click, keeps the mission filter and shows which range is on.
    await page.getByRole("link", { name: "Last 90 days" }).click();
    await expect(page).toHaveURL(new RegExp(`mission=${code}&from=\\d{4}-\\d\\d-\\d\\d$`));
    await expect(page.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "true");
    expect(await a.startedCount()).toBeLessThanOrEqual(missionStarted);
    await snap(page, "analytics-admin-performance-last-90-days");

    // A track with no attempts of that mission: the funnel gives way to the empty state.
    await a.filter({ mission: "", track: "leadership", tier: "mastery" });
    await expect(page).toHaveURL(/track=leadership/);
    await expect(page.getByText("No attempts match these filters yet")).toBeVisible();
    await expect(page.getByRole("table", { name: "Stage funnel" })).toHaveCount(0);

    // Heatmaps and benchmarks render for the admin.
    await page.goto("/admin/analytics/heatmap");
    await expect(page.getByRole("heading", { name: "Completion by track and tier" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Defender" })).toBeVisible();
    await snap(page, "analytics-admin-heatmap");
    await page.goto("/admin/analytics/benchmarks?mission=SIEM-01");
    const learner = page.getByLabel("Learner", { exact: true });
    await learner.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Show benchmark" }).click();
    await expect(page.getByRole("heading", { name: "Percentiles" })).toBeVisible();
    await snap(page, "analytics-admin-benchmarks");

    // Narrow screens: the dashboard still fits.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/admin/analytics?mission=${code}`);
    await expect(page.getByRole("heading", { name: "Stage funnel" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(page, "analytics-admin-performance-360");
  });

  test("the enterprise viewer sees their cohort and cannot open another organisation's", async ({ page, auth }) => {
    await auth.signIn(DEMO.enterprise);
    await expect(page).toHaveURL(/\/enterprise/);
    await expect(page.getByRole("link", { name: "Northwind SOC Academy 2026" })).toBeVisible();
    await expect(page.getByText("Contoso GRC Graduates 2026")).toHaveCount(0);
    await snap(page, "enterprise-cohorts");

    await page.getByRole("link", { name: "Northwind SOC Academy 2026" }).click();
    await expect(page.getByRole("heading", { name: "Northwind SOC Academy 2026", level: 1 })).toBeVisible();
    await expect(page.getByText("Members", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Learners at risk" })).toBeVisible();
    // header + 6 named members + 30 generated learners (lib/demo/cohort-activity.ts)
    await expect(page.getByRole("table", { name: "Members" }).getByRole("row")).toHaveCount(37);
    await snap(page, "enterprise-cohort-dashboard");
    expect(await axeViolations(page)).toEqual([]);

    const csv = await page.request.get("/api/v1/enterprise/cohorts/northwind-soc-2026/dashboard?format=csv");
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^name,email/);

    const other = await page.goto("/enterprise/cohorts/contoso-grc-2026");
    expect(other?.status()).toBe(404);
    await expect(page.getByText("Cohort not found")).toBeVisible();
    await snap(page, "enterprise-other-org-404");
    expect((await page.request.get("/api/v1/enterprise/cohorts/contoso-grc-2026/dashboard")).status()).toBe(404);
    // The analytics API with the other organisation's cohort as a filter is "not found" too.
    expect((await page.request.get("/api/v1/missions/analytics/performance?cohort=contoso-grc-2026")).status()).toBe(404);
  });

  test("the admin manages cohorts and assigns a mission with a due date", async ({ page, auth }) => {
    await auth.signIn(DEMO.admin);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users, cohorts and mentors" })).toBeVisible();
    const slug = `e2e-cohort-${Date.now().toString(36)}`;
    const form = page.locator("form", { has: page.getByRole("button", { name: "Create cohort" }) });
    await form.getByLabel("Organisation").selectOption("northwind");
    await form.getByLabel("Name").fill("E2E Cohort");
    await form.getByLabel("Slug").fill(slug);
    await form.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByText("Cohort “E2E Cohort” created.")).toBeVisible();

    const assign = page.locator("form", { has: page.getByRole("button", { name: "Assign mission" }) });
    await assign.getByLabel("Mission").selectOption("SIEM-01");
    await assign.getByLabel("To a cohort").selectOption("northwind-soc-2026");
    await assign.getByLabel("Due date").fill("2030-06-30");
    await assign.getByRole("button", { name: "Assign mission" }).click();
    await expect(page.getByText(/SIEM-01 (assigned|assignment updated), due 2030-06-30/)).toBeVisible();

    const bad = page.locator("form", { has: page.getByRole("button", { name: "Grant access" }) });
    await bad.getByRole("button", { name: "Grant access" }).click();
    await expect(bad.getByText("enter the learner's email")).toBeVisible();
    await snap(page, "admin-users");
  });
});
