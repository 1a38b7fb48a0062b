import { test, expect, snap, DEMO } from "./fixtures";

// Recipe pages at phone width (issue 17: "24 of 57 recipe pages scroll sideways at 360 px"): no
// recipe page may make the page itself scroll sideways; long commands and log lines scroll inside
// their own block instead. Screenshots of recipes with long commands at 360 px.

test("no recipe page scrolls sideways at 360 px; long commands scroll inside their block", async ({ page, auth }) => {
  test.setTimeout(240_000);
  await auth.signIn(DEMO.learner);
  const slugs: string[] = [];
  for (let p = 1; ; p++) {
    const r = await (await page.request.get(`/api/v1/recipes?page_size=50&page=${p}`)).json();
    slugs.push(...(r.items as { slug: string }[]).map((i) => i.slug));
    if (p >= r.pages) break;
  }
  expect(slugs.length).toBeGreaterThanOrEqual(30);
  await page.setViewportSize({ width: 360, height: 800 });
  const wide: string[] = [];
  for (const slug of slugs) {
    await page.goto(`/recipes/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    if (width > 360) wide.push(`${slug} (${width}px)`);
  }
  console.log(`recipe pages at 360 px: ${wide.length} of ${slugs.length} scroll sideways${wide.length ? `: ${wide.join(", ")}` : ""}`);
  expect(wide).toEqual([]);

  for (const slug of ["grep-awk-auth-logs", "kerberoasting-hashcat", "splunk-spl-auth-failures"]) {
    await page.goto(`/recipes/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await snap(page, `recipe-360-${slug}`);
  }
});
