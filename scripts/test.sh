#!/usr/bin/env bash
# Second command of the README: every test suite (unit, integration, e2e), then one line
# "N passed, M failed" with the totals. Integration and e2e use real Postgres when DATABASE_URL
# is set (CI) and embedded PGlite otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -d node_modules ] || npm install --no-audit --no-fund
mkdir -p test-results
rm -f test-results/unit.json test-results/integration.json test-results/e2e.json test-results/cluster.json

echo "==> Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json
echo "==> Integration tests (${DATABASE_URL:+Postgres}${DATABASE_URL:-PGlite})"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration.json
echo "==> End-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json npx playwright test --reporter=list,json
# Two production instances of the e2e build behind nginx on one Postgres (needs both: CI has them).
reports=(test-results/unit.json test-results/integration.json test-results/e2e.json)
if [ -n "${DATABASE_URL:-}" ] && command -v nginx >/dev/null 2>&1; then
  echo "==> Cluster test (two instances behind nginx, one killed mid-flow)"
  CLUSTER_DIST_DIR="${NEXT_DIST_DIR:-.next}" CLUSTER_TIMEOUT_SECONDS=240 node scripts/cluster-test.mjs
  reports+=(test-results/cluster.json)
else
  echo "==> Cluster test not run: it needs DATABASE_URL (Postgres) and nginx (apt-get install nginx-light)"
fi
node scripts/count-results.mjs "${reports[@]}"
