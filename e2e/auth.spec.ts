import { test, expect, DEMO, uniqueEmail, snap, axeViolations } from "./fixtures";

test.describe("sign-up, sign-in and roles", () => {
  test("a newcomer signs up, lands on the learner dashboard, signs out and signs back in", async ({ page, auth }) => {
    const email = uniqueEmail("signup");
    await auth.register("Robin Analyst", email, "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Dashboard", "Foundations", "Recipes", "Portfolio"]);
    await snap(page, "learner-dashboard-new");
    await auth.signOut();
    await auth.signIn(email, "a-long-enough-password");
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("link", { name: /Robin Analyst/ })).toBeVisible();
  });

  test("sign-up shows the field that is wrong", async ({ page, auth }) => {
    await auth.register("", "not-an-email", "short");
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await snap(page, "register-errors");
  });

  test("a wrong password is refused without saying which part was wrong", async ({ page, auth }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.learner);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
    await snap(page, "login-error");
  });

  const homes = [
    { role: "learner", email: DEMO.learner, home: "/dashboard", nav: ["Dashboard", "Foundations", "Recipes", "Portfolio"] },
    { role: "mentor", email: DEMO.mentor, home: "/review", nav: ["Review queue", "Analytics", "Missions", "Recipes"] },
    { role: "admin", email: DEMO.admin, home: "/admin/analytics", nav: ["Analytics", "Studio", "Content", "Users & cohorts", "Jobs", "Review queue", "Calibration"] },
    { role: "enterprise", email: DEMO.enterprise, home: "/enterprise", nav: ["Cohorts"] },
  ] as const;

  for (const h of homes) {
    test(`the demo ${h.role} lands on their home and sees only their navigation`, async ({ page, auth }) => {
      await auth.signIn(h.email);
      await expect(page).toHaveURL(new RegExp(`${h.home}$`));
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([...h.nav]);
      await snap(page, `home-${h.role}`);
    });
  }

  test("a learner opening an admin page is refused", async ({ page, auth }) => {
    await auth.signIn(DEMO.learner);
    await page.goto("/admin/content");
    await expect(page).toHaveURL(/\/dashboard\?denied=1/);
    await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();
    const api = await page.request.get("/api/v1/admin/content/export");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
  });

  test("an admin sees the background job queues; a learner is refused the page and the API", async ({ page, auth }) => {
    await auth.signIn(DEMO.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
    const queues = page.getByRole("table", { name: /Queues/ });
    for (const job of ["sweep-deadlines", "analytics-maintenance", "second-opinion", "retention"]) await expect(queues.getByText(job, { exact: true })).toBeVisible();
    const api = await page.request.get("/api/v1/admin/jobs");
    expect(api.status()).toBe(200);
    await auth.signOut();
    await auth.signIn(DEMO.learner);
    await page.goto("/admin/jobs");
    await expect(page).toHaveURL(/\/dashboard\?denied=1/);
    const denied = await page.request.get("/api/v1/admin/jobs");
    expect(denied.status()).toBe(403);
  });

  test("signing out and in as someone else shows the new person, not the old session", async ({ page, auth }) => {
    await auth.signIn(DEMO.learner);
    await expect(page.getByRole("link", { name: /Dana Whitfield/ })).toBeVisible();
    await auth.signOut();
    await auth.signIn(DEMO.mentor);
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByRole("link", { name: /Sam Okoye/ })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: /Dana Whitfield/ })).toHaveCount(0);
    const me = await page.request.get("/api/v1/me");
    expect((await me.json()).email).toBe(DEMO.mentor);
  });

  test("a response that lands after sign-out does not sign the user back in", async ({ page, context, auth }) => {
    const sessionCookies = async () => (await context.cookies()).filter((c) => /authjs\.session-token/.test(c.name));
    const setsSession = (res: { headersArray(): { name: string; value: string }[] }) =>
      res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token/.test(h.value));

    await auth.signIn(DEMO.learner);
    // A signed-in request to pages behind the proxy: answered, and no session cookie is (re-)issued.
    for (const path of ["/dashboard", "/portfolio", "/settings"]) {
      const res = await page.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      expect(setsSession(res), path).toEqual([]);
    }

    // A prefetch sent with the session cookie just before signing out, answered just after it.
    const stale = (await sessionCookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    expect(stale).not.toBe("");
    await auth.signOut();
    expect(await sessionCookies()).toEqual([]);
    const late = await page.request.get("/dashboard", { headers: { cookie: stale }, maxRedirects: 0 });
    expect(setsSession(late)).toEqual([]);

    // Still signed out.
    expect(await sessionCookies()).toEqual([]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("signed-out visitors are sent to sign in", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login/);
  });

  test("settings creates a token shown once and revokes it", async ({ page, auth }) => {
    await auth.register("Token Tester", uniqueEmail("tokens"), "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    await page.goto("/settings");
    await page.getByLabel("Token name").fill("my script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-token").textContent();
    expect(token).toMatch(/^srt_/);
    const me = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    await snap(page, "settings-tokens");
    await page.getByRole("button", { name: "Revoke token my script" }).click();
    await expect(page.getByText("No tokens yet")).toBeVisible();
    const after = await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
  });

  test("the admin content page lists missions with their graph check and passes axe", async ({ page, auth }) => {
    await auth.signIn(DEMO.admin);
    await page.goto("/admin/content");
    await expect(page.getByRole("heading", { name: "Content", level: 1 })).toBeVisible();
    await expect(page.getByRole("table").getByText("SIEM-01")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "admin-content");
  });

  test("the API reference renders the OpenAPI document", async ({ page }) => {
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "Sortie API" })).toBeVisible();
    await expect(page.getByText("/auth/register").first()).toBeVisible();
    await snap(page, "api-docs");
  });
});
