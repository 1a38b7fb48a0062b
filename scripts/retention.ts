// Runs the retention job once, by hand (what the daily `retention` job does): makes telemetry's month
// partitions ahead and, with SORTIE_EVENTS_RETENTION_DAYS set, trims months past the window.
//   SORTIE_EVENTS_RETENTION_DAYS=90 DATABASE_URL=postgres://… npx tsx scripts/retention.ts
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { runRetention } = await import("@/lib/telemetry/retention");
  const { closeDb } = await import("@/lib/db");
  const t0 = performance.now();
  const report = await runRetention();
  console.log(JSON.stringify({ ...report, seconds: Math.round((performance.now() - t0) / 100) / 10 }, null, 2));
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
