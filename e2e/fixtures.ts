import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";

export const DEMO_PASSWORD = "sortie-demo";
export const DEMO = {
  learner: "learner@demo.sortie.dev",
  mentor: "mentor@demo.sortie.dev",
  admin: "admin@demo.sortie.dev",
  enterprise: "enterprise@demo.sortie.dev",
} as const;

/** Page objects: selectors live here, tests read like what a user does. */
export class AuthPage {
  constructor(private page: Page) {}
  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.goto("/login");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await this.page.waitForURL((u) => !u.pathname.startsWith("/login"));
  }
  async register(name: string, email: string, password: string) {
    await this.page.goto("/register");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
  async signOut() {
    // No wait for in-flight prefetches: a response that lands after sign-out never sets the
    // session cookie again (the proxy only reads it; see "a response that lands after sign-out…").
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL("**/login");
  }
}

export function uniqueEmail(prefix = "e2e") {
  return `${prefix}-${randomBytes(5).toString("hex")}@test.sortie.dev`;
}

/** Full-page screenshot kept as a test artifact (test-results/screenshots). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Serious and critical axe violations on the current page. */
export async function axeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** On the review screen: every rubric criterion at its top or bottom level. */
export async function scoreEveryCriterion(page: Page, pick: "top" | "bottom") {
  const groups = page.getByRole("radiogroup");
  const n = await groups.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const radios = groups.nth(i).getByRole("radio");
    await (pick === "top" ? radios.last() : radios.first()).check();
  }
}

export const test = base.extend<{ auth: AuthPage }>({
  auth: async ({ page }, use) => use(new AuthPage(page)),
});
export { expect };
