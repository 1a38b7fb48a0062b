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
HOST="${SORTIE_BIND:-localhost}"
PORT="${PORT:-3000}"
PROBE_HOST="$HOST"; [ "$PROBE_HOST" = "0.0.0.0" ] && PROBE_HOST=localhost
echo "==> Starting on http://${HOST}:${PORT} (migrating and seeding first; wait for the Ready line)"
# Next prints its own "Ready" as soon as it listens, long before the server has migrated and seeded
# the database: that line is dropped, and ours is printed once GET /api/ready answers 200 (database
# reachable, migrations applied, start-up seed done).
# Run next directly (not through npx) so that $SERVER is the server itself and a forwarded SIGTERM reaches it.
./node_modules/.bin/next start -H "$HOST" -p "$PORT" > >(sed -u '/✓ Ready in/d') 2>&1 &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null' TERM INT
(
  until node -e "fetch('http://${PROBE_HOST}:${PORT}/api/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" 2>/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || exit 0
    sleep 1
  done
  echo "==> Ready: http://${HOST}:${PORT} (database migrated and seeded, answering requests)"
) &
wait "$SERVER"; status=$?
# A signal interrupts wait: wait again while the server drains (see README, SIGTERM).
while kill -0 "$SERVER" 2>/dev/null; do wait "$SERVER"; status=$?; done
exit "$status"
