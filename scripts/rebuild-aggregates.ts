// Rebuilds the analytics aggregates from the raw tables (the oracle the incremental consumer is tested
// against), or with --apply only applies the logged changes, and says how long it took. Dashboards
// never need this: the analytics-maintenance job applies changes within seconds. It is for bulk loads,
// doubt, and measuring.
//   DATABASE_URL=… npx tsx scripts/rebuild-aggregates.ts [--apply]
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { applyChanges, rebuildAggregates } = await import("@/lib/analytics/aggregates");
  const { closeDb } = await import("@/lib/db");
  const t = performance.now();
  if (process.argv.includes("--apply")) {
    const r = await applyChanges(undefined, { batches: Number.MAX_SAFE_INTEGER });
    console.log(`Applied ${r.changes} logged changes (${r.attempts} attempts) in ${(performance.now() - t).toFixed(0)} ms.`);
  } else {
    const r = await rebuildAggregates();
    console.log(`Rebuilt the aggregates of ${r.attempts} attempts in ${(performance.now() - t).toFixed(0)} ms.`);
  }
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
