// Client JavaScript per page of a production build (gzip), learner pages against their budget.
//
//   NEXT_DIST_DIR=.next-x npx next build
//   NEXT_DIST_DIR=.next-x npx tsx bench/bundles.ts          # learner pages; ALL=1 for every page
//
// Exits 1 when a learner page is over LEARNER_BUDGET_KIB or loads a library listed in
// HEAVY_LIBRARIES (markdown, charts, a query cache). e2e/bundles.spec.ts checks the same on the e2e build.
import { HEAVY_LIBRARIES, LEARNER_BUDGET_KIB, LEARNER_PAGES, routeBundles } from "./bundle-sizes";

const dist = process.env.NEXT_DIST_DIR || ".next";
const all = routeBundles(dist);
const learner = new Set(LEARNER_PAGES);
const shown = process.env.ALL ? all : all.filter((r) => learner.has(r.route));
console.log(`Client JavaScript per page (${dist}; gzip level 6; learner budget ${LEARNER_BUDGET_KIB} KiB)\n`);
console.log(`${"page".padEnd(34)} ${"chunks".padStart(6)} ${"raw KiB".padStart(8)} ${"gzip KiB".padStart(9)}  heavy libraries`);
let failed = false;
for (const r of shown) {
  const over = learner.has(r.route) && (r.gzipKiB > LEARNER_BUDGET_KIB || r.libraries.length > 0);
  failed ||= over;
  console.log(`${r.route.padEnd(34)} ${String(r.chunks).padStart(6)} ${r.rawKiB.toFixed(1).padStart(8)} ${r.gzipKiB.toFixed(1).padStart(9)}  ${r.libraries.join(", ") || "-"}${over ? "   ← over budget" : ""}`);
}
const missing = LEARNER_PAGES.filter((p) => !all.some((r) => r.route === p));
if (missing.length) console.log(`\nNot in this build: ${missing.join(", ")}`);
console.log(`\nHeavy libraries looked for: ${HEAVY_LIBRARIES.map((l) => l.name).join(", ")}`);
if (failed) process.exitCode = 1;
