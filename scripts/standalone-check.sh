#!/usr/bin/env bash
# Checks the Docker image's runtime without Docker: lays out a standalone build exactly as the
# Dockerfile's run stage does (/app root-owned; server.js, node_modules, .next, .next/static and
# drizzle/ owned by an unprivileged user), starts `node server.js` as that user with the image's
# environment (NODE_ENV=production, HOSTNAME=0.0.0.0, PORT) and the settings the production guard
# requires, then runs the image's HEALTHCHECK command and fetches a page and its static assets.
#
#   flock /tmp/sortie-build.lock env DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres bash scripts/standalone-check.sh
#
# STANDALONE_DIST_DIR=<dir> reuses a build made with SORTIE_STANDALONE=1 (default: builds .next-standalone).
# What this does not check: the image build itself (npm install in node:20-bookworm-slim, the
# COPY steps), Docker's HEALTHCHECK scheduling, compose networking and MinIO; see README "Self-hosting".
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must point at a Postgres server (a fresh database is created beside it)}"
DIST="${STANDALONE_DIST_DIR:-.next-standalone}"
RUN_AS="${STANDALONE_USER:-nobody}"
KEY="c29ydGllLXN0YW5kYWxvbmUta2V5LW5vdC1wcm9kISE="
DB="sortie_standalone_$$"
DB_URL="${DATABASE_URL%/*}/$DB"
WORK="$(mktemp -d /tmp/sortie-standalone-XXXX)"
PORT="${STANDALONE_PORT:-3299}"
pass=0
fail=0
ok() { echo "  ✓ $1"; pass=$((pass + 1)); }
ko() { echo "  ✗ $1"; fail=$((fail + 1)); }
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true
  if [ "$fail" != 0 ] && [ -f "$WORK/server.log" ]; then echo "--- the server's log (last 40 lines)"; tail -40 "$WORK/server.log"; fi
  psql "$DATABASE_URL" -qc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$DIST/standalone/server.js" ]; then
  echo "==> building the standalone output into $DIST (as the Dockerfile's build stage: no database)"
  env -u DATABASE_URL NEXT_DIST_DIR="$DIST" SORTIE_STANDALONE=1 NEXT_TELEMETRY_DISABLED=1 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$KEY" npx next build
fi
psql "$DATABASE_URL" -qc "create database $DB" >/dev/null

# The run stage: COPY standalone ./ ; COPY .next/static ./.next/static ; COPY drizzle ./drizzle.
# server.js names its dist dir as built (the image's is .next; a check build's is $DIST).
APP="$WORK/app"
mkdir -p "$APP" "$WORK/uploads"
cp -a "$DIST/standalone/." "$APP/"
cp -a "$DIST/static" "$APP/$DIST/static"
cp -a drizzle "$APP/drizzle"
if [ -d public ]; then cp -a public "$APP/public"; fi
chown -R "$RUN_AS" "$APP"/* "$APP/$DIST" "$WORK/uploads"
chown root "$APP"
chmod 755 "$WORK"

start() {
  (cd "$APP" && exec setpriv --reuid="$RUN_AS" --regid="$(id -g "$RUN_AS")" --clear-groups env -i PATH="$PATH" HOME=/tmp \
    NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT="$PORT" "$@" node server.js) >>"$WORK/server.log" 2>&1 &
  SERVER=$!
}

echo "==> the production guard: without the shared settings the server refuses to start, naming them"
start DATABASE_URL="$DB_URL"
for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
if ! kill -0 "$SERVER" 2>/dev/null && grep -q "AUTH_SECRET" "$WORK/server.log" && grep -q "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY" "$WORK/server.log"; then ok "refused to start, naming AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"; else ko "the guard did not refuse (log: $WORK/server.log)"; kill "$SERVER" 2>/dev/null || true; fi
SERVER=

echo "==> node server.js as $RUN_AS (uid $(id -u "$RUN_AS")), the image's environment"
start DATABASE_URL="$DB_URL" AUTH_SECRET="standalone-check-auth-secret-32-chars-min" AUTH_TRUST_HOST=true \
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$KEY" SORTIE_UPLOAD_DIR="$WORK/uploads" SORTIE_DEMO=1 SORTIE_TRUSTED_PROXIES=1
ready=0
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$PORT/api/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.5
done
[ $ready = 1 ] && ok "GET /api/ready is 200 (migrations applied from ./drizzle, demo seeded, database reachable)" || ko "never ready (log: $WORK/server.log)"
ss -ltn | grep -q "0.0.0.0:$PORT" && ok "listens on 0.0.0.0:$PORT (HOSTNAME)" || ko "not listening on 0.0.0.0:$PORT"
# The Dockerfile's HEALTHCHECK command, as the image runs it.
if (cd "$APP" && PORT=$PORT setpriv --reuid="$RUN_AS" --regid="$(id -g "$RUN_AS")" --clear-groups node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"); then ok "the HEALTHCHECK command exits 0"; else ko "the HEALTHCHECK command failed"; fi
curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null && ok "GET /api/health is 200" || ko "GET /api/health failed"
html="$(curl -fsS "http://127.0.0.1:$PORT/login" || true)"
[ -n "$html" ] && ok "GET /login renders" || ko "GET /login failed"
assets="$(printf '%s' "$html" | grep -o '/_next/static/[^"]*\.\(js\|css\)' | sort -u | head -20)"
n=0; bad=0
for a in $assets; do n=$((n + 1)); curl -fsS -o /dev/null "http://127.0.0.1:$PORT$a" || bad=$((bad + 1)); done
[ $n -gt 0 ] && [ $bad = 0 ] && ok "its $n static assets are served from .next/static" || ko "static assets: $bad of $n failed"
if grep -qiE "EACCES|permission denied" "$WORK/server.log"; then ko "the server hit a permission error (log: $WORK/server.log)"; else ok "no permission error as a non-root user with /app root-owned"; fi
kill -TERM "$SERVER"
for _ in $(seq 1 40); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$SERVER" 2>/dev/null; then ko "still running 10 s after SIGTERM"; else ok "exits on SIGTERM"; fi
SERVER=
echo "standalone: $pass passed, $fail failed"
[ $fail = 0 ]
