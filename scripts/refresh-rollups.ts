// Brings the analytics rollup up to date (or rebuilds it from scratch with --rebuild) and says how
// long it took, then prepares today's preset date ranges. The dashboards refresh it themselves before
// reading; this is for bulk loads and for measuring the cost of a refresh.
//   DATABASE_URL=… npx tsx scripts/refresh-rollups.ts [--rebuild]
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { refreshRollups, rebuildRollups, preparePresetRanges } = await import("@/lib/analytics/rollup");
  const { closeDb } = await import("@/lib/db");
  const t = performance.now();
  const n = process.argv.includes("--rebuild") ? await rebuildRollups() : await refreshRollups(undefined, { maxLagSeconds: 0 });
  console.log(`Rollup: ${n} missions recomputed in ${(performance.now() - t).toFixed(0)} ms.`);
  // As the refresh-analytics job does: today's "last 7/30/90 days" ranges, ready before anyone asks.
  const t2 = performance.now();
  const r = await preparePresetRanges();
  console.log(`Preset date ranges: ${r} computed in ${(performance.now() - t2).toFixed(0)} ms.`);
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
