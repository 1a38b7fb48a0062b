#!/usr/bin/env bash
# Generates SQL migrations from lib/db/schema into drizzle/. Until the first release the
# schema is one initial migration: pass --fresh to regenerate it from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--fresh" ]; then rm -rf drizzle; fi
npx drizzle-kit generate --name "${2:-init}"
