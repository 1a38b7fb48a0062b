import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// Embedded runs get their own PGlite directory, wiped each run; CI passes DATABASE_URL.
const dataDir = process.env.E2E_DATA_DIR ?? ".data-e2e";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && npx next build && npx next start -H localhost -p ${PORT}`,
    url: `http://localhost:${PORT}/api/v1/openapi.json`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      SORTIE_DATA_DIR: dataDir,
      SORTIE_DEMO: "1",
      // The suite signs the demo accounts in more often than the default limit allows in 5 minutes.
      SORTIE_SIGNIN_LIMIT: "500",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...(process.env.SORTIE_SKIP_TYPECHECK ? { SORTIE_SKIP_TYPECHECK: process.env.SORTIE_SKIP_TYPECHECK } : {}),
      AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      // What the production guard (lib/ops/guard.ts) asks of a server with DATABASE_URL (CI): one
      // server-actions key for the build and the server, and an upload store named outright.
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c29ydGllLWUyZS1hY3Rpb25zLWtleS1ub3QtcHJvZCE=",
      SORTIE_UPLOAD_DIR: `${dataDir}/uploads`,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
