// Time of each analytics section straight against the database (no HTTP): which query dominates a
// dashboard. Admin scopes without cohort or dates read the rollup; the others run live. Median of N runs per section, admin scope.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench npx tsx bench/sections.ts [mission-code | query-string]
import { allowServerOnlyImports, requireDatabaseUrl } from "./server-modules";

allowServerOnlyImports();
requireDatabaseUrl();
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  const perf = await import("@/lib/analytics/performance");
  const { heatmap } = await import("@/lib/analytics/heatmap");
  const { resolveScope } = await import("@/lib/analytics/filters");
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
  const { usesRollup } = await import("@/lib/analytics/items");
  const sections: [string, () => Promise<unknown>][] = [
    ["kpis", () => perf.kpis(s)],
    ["scoreDistribution", () => perf.scoreDistribution(s)],
    ["stageFunnel", () => perf.stageFunnel(s)],
    ["dropOff", () => perf.dropOff(s)],
    ["timePerStage", () => perf.timePerStage(s)],
    ["decisions", () => perf.decisions(s)],
    ["hintUse", () => perf.hintUse(s)],
    ["toolUse", () => perf.toolUse(s)],
    ["missionPerformance (all, parallel)", () => perf.missionPerformance(s)],
    ["heatmap", () => heatmap(s)],
  ];
  if (s.cohortId) {
    const { cohortDashboard } = await import("@/lib/analytics/cohort");
    sections.push(["enterprise cohort dashboard", () => cohortDashboard({ caller, cohort: s.cohortId! })]);
  }
  console.log(`scope: admin, ${arg ? JSON.stringify(filter) : "no filter"} (${usesRollup(s) ? "rollup" : "live"}); median of ${RUNS} runs`);
  for (const [name, f] of sections) {
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = performance.now();
      await f();
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
