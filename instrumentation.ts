// Migrate (and seed the demo when enabled) inside the server process at start: PGlite has no
// lock across processes, so no separate script may touch its directory while the server runs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
  // Keep the analytics rollup fresh between dashboard reads (see lib/analytics/refresher.ts).
  const { startRollupRefresher } = await import("./lib/analytics/refresher");
  startRollupRefresher();
}
