// Time of each analytics section straight against the database (no HTTP): which query dominates a
// dashboard. Rolled-up scopes read analytics_daily; live ones sum the facts of their attempts. Median of N runs per section, admin caller.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench npx tsx bench/sections.ts [mission-code | query-string]
import { allowServerOnlyImports, requireDatabaseUrl } from "./server-modules";

allowServerOnlyImports();
requireDatabaseUrl();
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  const perf = await import("@/lib/analytics/performance");
  const abandoned = await import("@/lib/analytics/abandoned");
  const { heatmap } = await import("@/lib/analytics/heatmap");
  const { resolveScope, usesRollup } = await import("@/lib/analytics/filters");
  const { db, closeDb } = await import("@/lib/db");
  const { rows } = await import("@/lib/db/sql");
  const { sql } = await import("drizzle-orm");
  const [admin] = await rows<{ id: string }>(db, sql`select id::text as id from users where role = 'admin' limit 1`);
  // The scale database may hold no admin account; admin scope does not depend on the id.
  const caller = { id: admin?.id ?? "00000000-0000-4000-8000-000000000000", role: "admin", organisationId: null } as never;
  // A mission code, or filters as a query string ("cohort=scale-cohort-1", "track=defender&from=2026-01-01").
  const arg = process.argv[2];
  const filter = !arg ? {} : arg.includes("=") ? Object.fromEntries(new URLSearchParams(arg)) : { mission: arg };
  const s = await resolveScope({ caller, filter, abandonDays: 14 });
  const { ALL_KINDS } = await import("@/lib/analytics/items");
  const { withSource } = await import("@/lib/analytics/source");
  type Source = Parameters<typeof perf.kpis>[0];
  type Tx = Parameters<typeof perf.kpis>[1];
  // Each section over items prepared once (the live path computes them into temporary tables first).
  const section = (f: (src: Source, tx: Tx) => Promise<unknown>) => async () => {
    const times: number[] = [];
    await withSource(s, ALL_KINDS, async (src, tx) => {
      for (let i = 0; i < RUNS; i++) {
        const a = performance.now();
        await f(src, tx);
        times.push(performance.now() - a);
      }
    });
    return times;
  };
  const sections: [string, () => Promise<unknown>][] = [
    ["prepare items (refresh, or live items)", () => withSource(s, ALL_KINDS, async () => null)],
    ["kpis", section((src, tx) => perf.kpis(src, tx))],
    ["scoreDistribution", section((src, tx) => perf.scoreDistribution(src, tx))],
    ["stageFunnel", section((src, tx) => perf.stageFunnel(src, tx))],
    // The abandoned attempts: counted over every open attempt (before 0012: on every answer), and as now
    // (the days before the cutoff's kept per version, after the first run; that day counted live).
    ["abandoned, every open attempt live", section((src, tx) => abandoned.idleAttempts(src.filters, tx!, { before: new Date(Date.now() - 14 * 86_400_000) }))],
    ["abandonedAttempts (drop-off, abandoned)", section((src, tx) => abandoned.abandonedAttempts(src, tx))],
    ["timePerStage", section((src, tx) => perf.timePerStage(src, tx))],
    ["decisions", section((src, tx) => perf.decisions(src, tx))],
    ["hintUse", section((src, tx) => perf.hintUse(src, tx))],
    ["toolUse", section((src, tx) => perf.toolUse(src, tx))],
    ["missionPerformance (whole answer)", () => perf.missionPerformance(s)],
    ["heatmap (whole answer)", () => heatmap(s)],
  ];
  if (s.cohortId) {
    const { cohortDashboard } = await import("@/lib/analytics/cohort");
    sections.push(["enterprise cohort dashboard", () => cohortDashboard({ caller, cohort: s.cohortId! })]);
  }
  console.log(`scope: admin, ${arg ? JSON.stringify(filter) : "no filter"} (${usesRollup(s) ? "rollup" : "live"}); median of ${RUNS} runs`);
  for (const [name, f] of sections) {
    let t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = performance.now();
      const inner = await f();
      if (Array.isArray(inner)) {
        t = inner;
        break;
      }
      t.push(performance.now() - a);
    }
    t.sort((x, y) => x - y);
    console.log(`${name.padEnd(38)} median ${t[Math.floor(t.length / 2)].toFixed(0).padStart(6)} ms   min ${t[0].toFixed(0).padStart(6)} ms`);
  }
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
