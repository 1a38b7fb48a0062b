#!/usr/bin/env bash
# Generates the next SQL migration in drizzle/ from lib/db/schema (name it: npm run db:generate -- <name>).
# Existing migrations are never regenerated: 0001 carries hand-written trigger SQL (see CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit generate --name "${1:-change}"
