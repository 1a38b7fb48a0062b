// Fills a Postgres database with realistic volume for the analytics benchmarks:
// 10k learners in 100 cohorts, 100k attempts, ~1M telemetry events (plus stage completions,
// decisions, hints, tools, reviews and rubric scores). Everything is generated in SQL with
// generate_series, so it runs in minutes. Idempotent per run tag: rerunning adds nothing twice.
//
//   createdb -h 127.0.0.1 -U postgres sortie_bench
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench npm run gen:scale
//
//   npm run gen:scale -- --scale 10    (10×: 100k learners, 1M attempts, 10M events)
//
// Options (env): SCALE_LEARNERS (10000 × the scale factor), SCALE_ATTEMPTS_PER_LEARNER (10), SCALE_EVENTS_PER_ATTEMPT (10).
import postgres from "postgres";
import { allowServerOnlyImports, requireDatabaseUrl } from "../bench/server-modules";

/** `--scale N` (or `--scale=N`): multiplies the learners, hence attempts and events. */
function scaleFactor(argv: string[]): number {
  const i = argv.findIndex((a) => a === "--scale" || a.startsWith("--scale="));
  if (i < 0) return 1;
  const raw = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--scale takes a positive number (got ${raw ?? "nothing"}).`);
  return n;
}
const SCALE = scaleFactor(process.argv.slice(2));
const LEARNERS = Number(process.env.SCALE_LEARNERS ?? Math.round(10_000 * SCALE));
const PER_LEARNER = Number(process.env.SCALE_ATTEMPTS_PER_LEARNER ?? 10);
const EVENTS_PER = Number(process.env.SCALE_EVENTS_PER_ATTEMPT ?? 10);
const COHORTS = Math.max(1, Math.round(LEARNERS / 100));

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const r = await fn();
  console.log(`  ${label.padEnd(44)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

async function main() {
  const url = requireDatabaseUrl();
  allowServerOnlyImports();
  const started = Date.now();
  const { runMigrations } = await import("@/lib/db/migrate");
  const { importPack } = await import("@/lib/content/import");
  const { demoPack } = await import("@/lib/content/demo-pack");
  const { closeDb } = await import("@/lib/db");
  console.log(`Scale data → ${url.replace(/:[^:@/]*@/, ":***@")}`);
  await step("migrate", () => runMigrations());
  await step("import the demo content pack", () => importPack(demoPack()));
  await closeDb();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [{ n: existing }] = await sql<{ n: number }[]>`select count(*)::int as n from users where email like 'scale-learner-%@scale.sortie.dev'`;
  if (existing >= LEARNERS) {
    console.log(`Already generated (${existing} scale learners). Drop the database to start over.`);
    await sql.end();
    return;
  }
  // bcrypt of "scale-password-123" (cost 4): scale accounts are for load, not for signing in.
  const hash = "$2b$04$0nW8w3ZkE2Wq8b5e5yq7kOQ0a0zN2b4O5sYH0G5tFJ3f7o2C6y4yS";

  await sql.begin(async (tx) => {
    await step("organisation, cohorts, learners, mentors", async () => {
      await tx`insert into organisations (slug, name) values ('scale-org', 'Scale Test Org') on conflict do nothing`;
      await tx`insert into cohorts (organisation_id, slug, name)
        select o.id, 'scale-cohort-' || g, 'Scale cohort ' || g from organisations o, generate_series(1, ${COHORTS}) g
        where o.slug = 'scale-org' on conflict do nothing`;
      await tx`insert into users (email, name, password_hash, role, organisation_id)
        select 'scale-learner-' || g || '@scale.sortie.dev', 'Scale Learner ' || g, ${hash}, 'learner', o.id
        from organisations o, generate_series(1, ${LEARNERS}) g where o.slug = 'scale-org'`;
      await tx`insert into users (email, name, password_hash, role)
        select 'scale-mentor-' || g || '@scale.sortie.dev', 'Scale Mentor ' || g, ${hash}, 'mentor' from generate_series(1, 20) g`;
      await tx`create temp table sl on commit drop as
        select id, row_number() over (order by email) - 1 as i from users where email like 'scale-learner-%@scale.sortie.dev'`;
      await tx`create temp table sc on commit drop as
        select id, row_number() over (order by slug) - 1 as i from cohorts where slug like 'scale-cohort-%'`;
      await tx`create temp table sm on commit drop as
        select id, row_number() over (order by email) - 1 as i from users where email like 'scale-mentor-%@scale.sortie.dev'`;
      await tx`insert into cohort_members (cohort_id, user_id) select sc.id, sl.id from sl join sc on sc.i = sl.i % ${COHORTS}`;
      await tx`insert into mentor_assignments (mentor_id, cohort_id) select sm.id, sc.id from sc join sm on sm.i = sc.i % 20`;
    });

    await step("missions and their stages", async () => {
      await tx`create temp table mm on commit drop as
        select m.id, row_number() over (order by m.code) - 1 as i, m.min_score,
          (select jsonb_agg(s.key order by s.position) from mission_stages s where s.mission_id = m.id) as keys,
          (select count(*) from mission_stages s where s.mission_id = m.id)::int as n
        from missions m where m.status = 'published'`;
    });
    const [{ n: missionCount }] = await tx<{ n: number }[]>`select count(*)::int as n from mm`;
    if (missionCount < PER_LEARNER) throw new Error(`Need at least ${PER_LEARNER} published missions; found ${missionCount}.`);

    await step(`${(LEARNERS * PER_LEARNER).toLocaleString()} attempts`, async () => {
      // Each learner takes PER_LEARNER different missions. r1..r4 are per-attempt random draws.
      await tx`create temp table gp on commit drop as
        select gen_random_uuid() as id, sl.id as user_id, mm.id as mission_id, mm.keys, mm.n, mm.min_score,
          random() as r1, random() as r2, random() as r3, random() as r4
        from sl cross join generate_series(0, ${PER_LEARNER - 1}) k
        join mm on mm.i = (sl.i + k * 3) % ${missionCount}`;
      await tx`alter table gp add column state text, add column depth int, add column score real, add column started timestamptz, add column submitted timestamptz, add column last_activity timestamptz`;
      await tx`update gp set
        state = case when r1 < 0.55 then 'approved' when r1 < 0.65 then 'failed' when r1 < 0.70 then 'in_review' when r1 < 0.75 then 'submitted'
                     when r1 < 0.95 then 'in_progress' else 'expired' end,
        started = now() - (r2 * interval '180 days') - interval '1 hour'`;
      await tx`update gp set
        depth = case when state in ('approved','failed','in_review','submitted') then n else 1 + floor(r3 * greatest(n - 1, 1))::int end,
        submitted = case when state in ('approved','failed','in_review','submitted') then started + interval '20 minutes' + r3 * interval '9 hours' end,
        score = case when state = 'approved' then min_score + r4 * (100 - min_score) when state = 'failed' then r4 * min_score end`;
      await tx`update gp set last_activity = case
        when submitted is not null then submitted
        when state = 'in_progress' and r4 < 0.5 then least(now(), started + r3 * interval '2 days')
        else started + interval '30 minutes' end`;
      await tx`insert into mission_progress (id, user_id, mission_id, mission_version, attempt, state, current_stage, path, started_at, submitted_at, reviewed_at, completed_at, score, passed, last_activity_at)
        select id, user_id, mission_id, 1, 1, state,
          case when submitted is null then keys->>(depth - 1) end,
          (select jsonb_agg(e order by o) from jsonb_array_elements_text(keys) with ordinality as t(e, o) where o <= depth),
          started, submitted,
          case when state in ('approved','failed') then submitted + interval '1 day' end,
          case when state = 'approved' then submitted + interval '1 day' end,
          score, case when state = 'approved' then true when state = 'failed' then false end,
          last_activity
        from gp`;
    });

    await step("stage completions", () =>
      tx`insert into stage_completions (progress_id, stage_key, notes, completed_at)
        select gp.id, t.e, 'Generated notes for load testing.', gp.started + t.o * interval '10 minutes'
        from gp cross join lateral jsonb_array_elements_text(gp.keys) with ordinality as t(e, o)
        where t.o < gp.depth or (t.o = gp.depth and gp.submitted is not null)`,
    );
    await step("decisions", () =>
      tx`insert into decisions_made (progress_id, decision_key, choice_key, score_delta)
        select gp.id, dp.key, c.key, c.score_delta
        from gp join decision_points dp on dp.mission_id = gp.mission_id
        join lateral (select dc.key, dc.score_delta, count(*) over () as cnt, row_number() over (order by dc.position) - 1 as rn
                      from decision_choices dc where dc.decision_id = dp.id) c
          on c.rn = floor(((gp.r2 * 7919 + length(dp.key)) - floor(gp.r2 * 7919 + length(dp.key))) * c.cnt)::int
        where gp.keys ? dp.after_stage and (gp.submitted is not null or gp.depth > 1)`,
    );
    await step("hints and tools", async () => {
      await tx`insert into hints_unlocked (progress_id, stage_key, level, penalty)
        select gp.id, gp.keys->>0, l, 2 * l from gp cross join generate_series(1, 2) l
        where gp.r3 < 0.3 and (l = 1 or gp.r3 < 0.12)`;
      await tx`insert into tools_used (progress_id, stage_key, tool)
        select gp.id, gp.keys->>0, (array['grep','splunk','wireshark','sigma-cli','nmap','burp','zeek','velociraptor'])[1 + floor(gp.r4 * 8)::int]
        from gp where gp.r2 < 0.45`;
    });
    await step("reviews and rubric scores", async () => {
      await tx`insert into reviews (id, progress_id, mentor_id, based_on_version, outcome, score, passed, feedback, created_at)
        select gen_random_uuid(), gp.id, sm.id, 1, gp.state, gp.score, gp.state = 'approved', 'Generated review.', gp.submitted + interval '1 day'
        from gp join sm on sm.i = floor(gp.r4 * 20)::int where gp.state in ('approved', 'failed')`;
      await tx`insert into review_scores (review_id, criterion_key, stage_key, level_index, points, max_points)
        select r.id, rc.key, rc.stage_key, lv.position, lv.points, mx.max_points
        from reviews r join gp on gp.id = r.progress_id
        join rubric_criteria rc on rc.mission_id = gp.mission_id
        join lateral (select max(points) as max_points, count(*) as cnt from rubric_levels where criterion_id = rc.id) mx on true
        join rubric_levels lv on lv.criterion_id = rc.id
          and lv.position = least(mx.cnt - 1, floor(gp.score / 100.0 * mx.cnt + (gp.r3 - 0.5)))::int`;
    });
    await step("telemetry month partitions for the generated range", () =>
      // On demand: one partition per month the events fall in (telemetry_ensure_partition, drizzle/0010).
      tx`select telemetry_ensure_partition(m at time zone 'UTC')
        from generate_series(date_trunc('month', (select min(started) from gp) at time zone 'UTC'), now() at time zone 'UTC', interval '1 month') m`,
    );
    await step(`${(LEARNERS * PER_LEARNER * EVENTS_PER).toLocaleString()} telemetry events`, async () => {
      // Per attempt: mission.started, then stage.entered / stage.left pairs (visible_ms) walking its
      // path, ending with mission.submitted when submitted (mission.viewed otherwise).
      await tx`insert into telemetry_events (event_id, type, user_id, occurred_at, received_at, mission_id, progress_id, stage_key, payload)
        select gen_random_uuid(),
          case when e = 1 then 'mission.started'
               when e = ${EVENTS_PER} then case when gp.submitted is not null then 'mission.submitted' else 'mission.viewed' end
               when e % 2 = 0 then 'stage.entered' else 'stage.left' end,
          gp.user_id, gp.started + e * interval '7 minutes', gp.started + e * interval '7 minutes' + interval '2 seconds',
          gp.mission_id, gp.id,
          case when e > 1 and e < ${EVENTS_PER} then gp.keys->>(((e / 2) - 1) % gp.depth) end,
          case when e > 1 and e < ${EVENTS_PER} and e % 2 = 1 then jsonb_build_object('visible_ms', (60000 + random() * 900000)::int) else '{}'::jsonb end
        from gp cross join generate_series(1, ${EVENTS_PER}) e`;
      // Their ids, as ingest would have recorded them (exactly-once across partitions).
      await tx`insert into telemetry_event_ids (event_id) select e.event_id from telemetry_events e join gp on gp.id = e.progress_id`;
    });
    await step("each learner's last event", () =>
      // What insertEvents keeps for the cohort dashboard (user_last_events).
      tx`insert into user_last_events (user_id, last_event_at)
        select user_id, max(occurred_at) from telemetry_events where type <> 'mission.abandoned' group by user_id
        on conflict (user_id) do update set last_event_at = greatest(user_last_events.last_event_at, excluded.last_event_at)`,
    );
    await step("stage_time rollup (visible ms per attempt and stage)", () =>
      // What the ingest statement maintains incrementally, rebuilt for every attempt from its events.
      tx`insert into stage_time (progress_id, stage_key, mission_id, visible_ms, visits)
        select progress_id, stage_key, min(mission_id::text)::uuid, sum((payload->>'visible_ms')::float8), count(*)::int
        from telemetry_events
        where type = 'stage.left' and progress_id is not null and stage_key is not null and mission_id is not null
          and jsonb_typeof(payload->'visible_ms') = 'number'
        group by progress_id, stage_key
        on conflict (progress_id, stage_key) do update set visible_ms = excluded.visible_ms, visits = excluded.visits`,
    );
  });
  // Autovacuum would get there eventually; the benchmark should not depend on when (index-only scans
  // need the visibility map).
  await step("vacuum analyze", () => sql`vacuum analyze`);
  await sql.end();
  const { rebuildAggregates } = await import("@/lib/analytics/aggregates");
  const { closeDb: closeAppDb } = await import("@/lib/db");
  await step("analytics aggregates (rebuild)", () => rebuildAggregates());
  await closeAppDb();
  const sql2 = postgres(url, { max: 1, onnotice: () => {} });
  await step("vacuum analyze the aggregates", () => sql2`vacuum analyze analytics_daily, analytics_totals, analytics_learner_days, analytics_facts, analytics_attempts`);
  const [c] = await sql2<{ users: number; progress: number; events: number }[]>`select
    (select count(*) from users)::int as users, (select count(*) from mission_progress)::int as progress, (select count(*) from telemetry_events)::int as events`;
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${c.users} users, ${c.progress} attempts, ${c.events} events.`);
  await sql2.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
