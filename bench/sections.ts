// Cold time of each analytics section (no answer cache), straight against the database: which
// query dominates a dashboard. Median of N runs per section, admin scope.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench npx tsx bench/sections.ts [mission-code]
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
  const caller = { id: admin.id, role: "admin", organisationId: null } as never;
  const mission = process.argv[2];
  const s = await resolveScope({ caller, filter: mission ? { mission } : {}, abandonDays: 14 });
  const sections: [string, () => Promise<unknown>][] = [
    ["kpis", () => perf.kpis(s)],
    ["scoreDistribution", () => perf.scoreDistribution(s)],
    ["stageFunnel", () => perf.stageFunnel(s)],
    ["dropOff", () => perf.dropOff(s)],
    ["timePerStage", () => perf.timePerStage(s)],
    ["decisions", () => perf.decisions(s)],
    ["hintUse", () => perf.hintUse(s)],
    ["toolUse", () => perf.toolUse(s)],
    ["computePerformance (all, parallel)", () => perf.computePerformance(s)],
    ["heatmap", () => heatmap(s)],
  ];
  console.log(`scope: admin${mission ? `, mission ${mission}` : ", no filter"}; median of ${RUNS} runs`);
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
