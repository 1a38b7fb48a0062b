// Sums vitest and Playwright JSON reports into one line: "N passed, M failed".
// A suite whose report is missing (it crashed before reporting) counts as one failure.
import fs from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  let r;
  try {
    r = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    console.error(`no report at ${file}: counted as 1 failure`);
    failed += 1;
    continue;
  }
  if (r.stats && "expected" in r.stats) {
    // Playwright
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    if ((r.errors ?? []).length && r.stats.expected + r.stats.unexpected === 0) failed += 1;
  } else {
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
    if (r.success === false && !r.numFailedTests && !r.numFailedTestSuites) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
