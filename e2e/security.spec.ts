import { test, expect, AuthPage, uniqueEmail, snap } from "./fixtures";

// Issue 19 as a user (or an attacker) meets it in the browser.
test.describe("sessions and hostile input", () => {
  const sessionCookie = async (page: import("@playwright/test").Page) =>
    (await page.context().cookies()).filter((c) => /authjs\.session-token/.test(c.name)).map((c) => `${c.name}=${c.value}`).join("; ");

  test("signing out ends the session: a copy of the old cookie no longer works", async ({ page, auth }) => {
    const email = uniqueEmail("signout");
    await auth.register("Casey Copy", email, "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    const copy = await sessionCookie(page);
    expect((await page.request.get("/api/v1/me", { headers: { cookie: copy } })).status()).toBe(200);
    await auth.signOut();
    const replay = await page.request.get("/api/v1/me", { headers: { cookie: copy } });
    expect(replay.status()).toBe(401);
    const pageReplay = await page.request.get("/settings", { headers: { cookie: copy }, maxRedirects: 0 });
    expect(pageReplay.status()).toBe(307);
  });

  test("sign out everywhere ends the sessions of every device", async ({ page, auth, browser }) => {
    const email = uniqueEmail("everywhere");
    await auth.register("Morgan Devices", email, "a-long-enough-password");
    await page.waitForURL("**/dashboard");
    const other = await browser.newContext();
    const phone = await other.newPage();
    await new AuthPage(phone).signIn(email, "a-long-enough-password");
    expect((await phone.request.get("/api/v1/me")).status()).toBe(200);

    await page.goto("/settings");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL("**/login?signedout=everywhere");
    await expect(page.getByText("You are signed out on every device.")).toBeVisible();
    await snap(page, "signed-out-everywhere");
    expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
    await phone.goto("/dashboard");
    await expect(phone).toHaveURL(/\/login/);
    await other.close();
  });

  test("malformed addresses get a clear answer, not a server error", async ({ page }) => {
    const api = await page.request.get("/api/v1/missions/%ZZ");
    expect(api.status()).toBe(400);
    expect((await api.json()).error.code).toBe("bad_request");
    const nul = await page.request.get("/api/v1/missions?q=%00");
    expect(nul.status()).toBe(400);
    const res = await page.goto("/missions/%ZZ");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("pages carry a Content-Security-Policy that keeps them working", async ({ page, auth }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
    const res = await page.goto("/login");
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await auth.signIn("learner@demo.sortie.dev");
    await page.goto("/recipes");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("an admin deactivates an account: its session ends and it cannot sign in until reactivated", async ({ page, auth, browser }) => {
    const email = uniqueEmail("deactivate");
    const other = await browser.newContext();
    const theirs = await other.newPage();
    await new AuthPage(theirs).register("Riley Leaving", email, "a-long-enough-password");
    await theirs.waitForURL("**/dashboard");

    await auth.signIn("admin@demo.sortie.dev");
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await page.getByRole("button", { name: "Deactivate Riley Leaving" }).click();
    await expect(page.getByRole("button", { name: "Reactivate Riley Leaving" })).toBeVisible();
    await expect(page.getByText("deactivated", { exact: true })).toBeVisible();
    await snap(page, "admin-user-deactivated");

    expect((await theirs.request.get("/api/v1/me")).status()).toBe(401);
    await theirs.goto("/login");
    await theirs.getByLabel("Email").fill(email);
    await theirs.getByLabel("Password").fill("a-long-enough-password");
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await expect(theirs.getByText("This account is deactivated.", { exact: false })).toBeVisible();

    await page.getByRole("button", { name: "Reactivate Riley Leaving" }).click();
    await expect(page.getByRole("button", { name: "Deactivate Riley Leaving" })).toBeVisible();
    await new AuthPage(theirs).signIn(email, "a-long-enough-password");
    await expect(theirs).toHaveURL(/\/dashboard/);
    await other.close();
  });
});
