// The cost of applying changes to the analytics aggregates (lib/analytics/aggregates.ts), straight
// against the database with no server running (its consumer would take the changes first): one
// attempt's change (a review: score and outcome), a stage completion, a learner's cohort move, and a
// full rebuild for comparison. Run after npm run gen:scale, under the build lock:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench flock /tmp/sortie-build.lock npx tsx bench/apply-cost.ts
// BENCH_REBUILD=0 skips the rebuild (at 10× it takes about 20 minutes; gen:scale reports its time).
import postgres from "postgres";
import { summarise } from "./common";
import { allowServerOnlyImports, requireDatabaseUrl } from "./server-modules";

allowServerOnlyImports();

async function main() {
  const url = requireDatabaseUrl();
  const { applyChanges, rebuildAggregates } = await import("@/lib/analytics/aggregates");
  const { closeDb } = await import("@/lib/db");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await applyChanges(undefined, { batches: Number.MAX_SAFE_INTEGER });
  const [vol] = await sql<{ attempts: number; events: number; daily: number; totals: number; facts: number }[]>`select (select count(*) from mission_progress)::int as attempts,
    (select count(*) from telemetry_events)::int as events, (select count(*) from analytics_daily)::int as daily, (select count(*) from analytics_totals)::int as totals,
    (select count(*) from analytics_facts)::int as facts`;
  const ids = await sql<{ id: string; user_id: string }[]>`select p.id, p.user_id from mission_progress p join missions m on m.id = p.mission_id
    where m.code = 'SIEM-01' and p.submitted_at is not null order by random() limit 20`;
  const time = async (write: (i: number) => Promise<unknown>) => {
    const t: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      await write(i);
      const a = performance.now();
      await applyChanges();
      t.push(performance.now() - a);
    }
    return summarise(t);
  };
  const review = await time((i) => sql`update mission_progress set score = ${(i * 7) % 101}, passed = ${i % 2 === 0} where id = ${ids[i].id}`);
  const completion = await time((i) => sql`insert into stage_completions (progress_id, stage_key) values (${ids[i].id}, ${`bench-${i}`}) on conflict do nothing`);
  const [cohort] = await sql<{ id: string }[]>`select id from cohorts order by slug limit 1`;
  const move = await time((i) => sql`insert into cohort_members (cohort_id, user_id) values (${cohort.id}, ${ids[i].user_id}) on conflict do nothing`);
  const r = performance.now();
  const rebuild = process.env.BENCH_REBUILD === "0" ? null : await rebuildAggregates().then(() => Math.round(performance.now() - r));
  // Telemetry is partitioned: its size is the sum of its partitions (and the de-duplication keys).
  const [size] = await sql<{ daily: string; totals: string; facts: string; learner_days: string; attempts: string; telemetry: string; database: string }[]>`select pg_size_pretty(pg_total_relation_size('analytics_daily')) as daily,
    pg_size_pretty(pg_total_relation_size('analytics_totals')) as totals,
    pg_size_pretty(pg_total_relation_size('analytics_facts')) as facts, pg_size_pretty(pg_total_relation_size('analytics_learner_days')) as learner_days,
    pg_size_pretty(pg_total_relation_size('analytics_attempts')) as attempts,
    pg_size_pretty((select sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = 'telemetry_events'::regclass) + pg_total_relation_size('telemetry_event_ids')) as telemetry,
    pg_size_pretty(pg_database_size(current_database())) as database`;
  console.log(JSON.stringify({ volume: vol, apply_ms: { one_attempt_review: review, one_stage_completion: completion, one_cohort_move: move }, rebuild_ms: rebuild, disk: size }, null, 2));
  await sql.end();
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
