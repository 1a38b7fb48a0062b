#!/usr/bin/env bash
# First command of the README: from a fresh clone to a running app on http://localhost:3000.
# Installs dependencies, builds, then starts; the server migrates and seeds the demo itself
# (embedded PGlite in .data/ when DATABASE_URL is unset).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing dependencies (npm install)"
  npm install --no-audit --no-fund
fi
echo "==> Building"
npx next build
# SORTIE_BIND=0.0.0.0 makes it reachable from other machines (a load balancer, a container's port);
# the default stays localhost, where next-auth's redirects are built (see STACK.md).
echo "==> Starting on http://${SORTIE_BIND:-localhost}:${PORT:-3000}"
exec npx next start -H "${SORTIE_BIND:-localhost}" -p "${PORT:-3000}"
