// At server start (Node runtime only): refuse an unsafe production deployment, migrate (and seed the
// demo when enabled) inside the server process — PGlite has no lock across processes, so no separate
// script may touch its directory while the server runs — then start this instance's background jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { assertProductionReady } = await import("./lib/ops/guard");
  try {
    assertProductionReady(env());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
  const { startJobs, stopJobs } = await import("./lib/jobs");
  const { installShutdown } = await import("./lib/ops/lifecycle");
  const e = env();
  installShutdown(stopJobs, e.SORTIE_SHUTDOWN_DELAY_MS ?? (e.NODE_ENV === "production" ? 1_000 : 0));
  await startJobs();
}
