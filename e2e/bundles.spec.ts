import { test, expect } from "@playwright/test";
import { HEAVY_LIBRARIES, LEARNER_BUDGET_KIB, LEARNER_PAGES, routeBundles } from "../bench/bundle-sizes";

// Issue 14: a learner's pages load at most 150 KiB of JavaScript (gzip) and no markdown parser,
// chart library or query cache; chart pages load their charts only when drawn. Read from the build
// the e2e server runs (Next writes the first-load chunks of every route at the end of `next build`),
// so this costs no browser and no request. `npx tsx bench/bundles.ts` prints the same figures.

const bundles = routeBundles(process.env.NEXT_DIST_DIR || ".next");
const byRoute = new Map(bundles.map((b) => [b.route, b]));

test("every learner page loads at most the budget of JavaScript, and no heavy library", () => {
  const learner = LEARNER_PAGES.map((p) => byRoute.get(p)).filter((b) => b !== undefined);
  // Every learner page is in the build (a renamed route must be renamed here too).
  expect(learner.map((b) => b.route)).toEqual(LEARNER_PAGES);
  for (const b of learner) {
    expect.soft(b.gzipKiB, `${b.route}: ${b.gzipKiB} KiB of JavaScript (gzip)`).toBeLessThanOrEqual(LEARNER_BUDGET_KIB);
    expect.soft(b.libraries, `${b.route} loads ${b.libraries.join(", ")}`).toEqual([]);
  }
});

test("chart pages load the chart library only when a chart is drawn", () => {
  const charts = HEAVY_LIBRARIES.filter((l) => l.name === "recharts" || l.name === "decimal.js").map((l) => l.name);
  for (const route of ["/analytics", "/admin/analytics", "/admin/analytics/recipes", "/analytics/paths", "/enterprise/cohorts/[id]"]) {
    const b = byRoute.get(route);
    expect(b, `${route} is in the build`).toBeDefined();
    expect.soft(b!.libraries.filter((l) => charts.includes(l)), `${route} loads chart code up front`).toEqual([]);
  }
});
