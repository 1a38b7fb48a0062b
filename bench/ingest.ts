// Telemetry ingest benchmark, in one run:
//  1. the ceiling: the same batches INSERTed straight through postgres.js (multi-row, ON CONFLICT DO NOTHING);
//  2. the app: POST /api/v1/telemetry/events under autocannon (10 connections, 500 events a request,
//     a quarter of them stage.left with visible_ms (feeding the stage_time rollup), every 10th
//     request re-sends an earlier batch, as a client retry would);
//  3. verification by counting rows: 0 lost, 0 doubled.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench BENCH_URL=http://localhost:3400 npm run bench:ingest
//   BENCH_RAW_ONLY=1 …: only step 1, no app server (the database's cost, e.g. before/after partitioning).
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { BASE, benchUser, settle, summarise } from "./common";
import { requireDatabaseUrl } from "./server-modules";

const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RUN = `bench-${Date.now().toString(36)}`;

type Ev = { event_id: string; type: string; occurred_at: string; mission: string; progress?: string; stage?: string; payload: Record<string, unknown> };

/** The bench learner's open attempts (one per mission), so a quarter of the events can be stage.left with visible time. */
let attempts: { progress: string; stage: string; mission: string }[] = [];

function batch(i: number, mission: string): Ev[] {
  const now = Date.now();
  return Array.from({ length: BATCH }, (_, j) => {
    const base = { event_id: randomUUID(), occurred_at: new Date(now - j).toISOString(), mission };
    // What the browser tracker sends most: stage.left with visible_ms, which also feeds the stage_time
    // rollup (an upsert in the same statement) and its dirty-mark trigger.
    const a = attempts[(i * BATCH + j) % Math.max(1, attempts.length)];
    if (j % 4 === 3 && a) return { ...base, mission: a.mission, type: "stage.left", progress: a.progress, stage: a.stage, payload: { run: RUN, batch: i, j, visible_ms: 1000 + j } };
    return { ...base, type: j % 4 === 0 ? "mission.viewed" : j % 4 === 1 ? "tool.used" : "recipe.viewed", payload: { run: RUN, batch: i, j } };
  });
}

async function raw(url: string, userId: string, missionId: string) {
  const sql = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const batches = Array.from({ length: REQUESTS }, (_, i) => batch(i, "x"));
  // Before drizzle/0010 event_id was a unique key of telemetry_events; since, telemetry_event_ids holds it.
  const [{ partitioned }] = await sql<{ partitioned: boolean }[]>`select to_regclass('telemetry_event_ids') is not null as partitioned`;
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < batches.length) {
        const b = batches[next++];
        const rows = b.map((e) => ({
          event_id: e.event_id, type: e.type, user_id: userId, occurred_at: e.occurred_at, mission_id: missionId,
          progress_id: e.progress ?? null, stage_key: e.stage ?? null, payload: { ...e.payload, raw: true },
        }));
        const s = performance.now();
        if (partitioned)
          // The same exactly-once as the app (drizzle/0010): ids first, then the events whose id was new.
          await sql`with src as (select * from jsonb_to_recordset(${sql.json(rows)}::jsonb) as x(event_id uuid, type text, user_id uuid,
                occurred_at timestamptz, mission_id uuid, progress_id uuid, stage_key text, payload jsonb)),
              ids as (insert into telemetry_event_ids (event_id) select event_id from src order by event_id on conflict do nothing returning event_id)
            insert into telemetry_events (event_id, type, user_id, occurred_at, mission_id, progress_id, stage_key, payload)
            select event_id, type, user_id, occurred_at, mission_id, progress_id, stage_key, payload from src where event_id in (select event_id from ids) returning id`;
        else
          // Before 0010 (kept so the same run can compare schemas): the unique key on telemetry_events.
          await sql`insert into telemetry_events (event_id, type, user_id, occurred_at, mission_id, progress_id, stage_key, payload)
            select event_id, type, user_id, occurred_at, mission_id, progress_id, stage_key, payload from jsonb_to_recordset(${sql.json(rows)}::jsonb)
              as x(event_id uuid, type text, user_id uuid, occurred_at timestamptz, mission_id uuid, progress_id uuid, stage_key text, payload jsonb)
            order by event_id on conflict (event_id) do nothing returning id`;
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  await sql.end();
  return { events: REQUESTS * BATCH, seconds: secs, eventsPerSec: Math.round((REQUESTS * BATCH) / secs), batchLatencyMs: summarise(lat) };
}

async function app(token: string) {
  const sent: Ev[][] = [];
  const ok = new Set<string>();
  let accepted = 0;
  let duplicates = 0;
  let non2xx = 0;
  const lat: number[] = [];
  let i = 0;
  const run = (amount: number, warm = false) =>
    autocannon({
      url: BASE,
      connections: CONNECTIONS,
      amount,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path: "/api/v1/telemetry/events",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
            const n = i++;
            // Every 10th request is a retry of an earlier batch: all duplicates.
            const b = n % 10 === 9 && sent.length ? sent[Math.floor(sent.length / 2)] : batch(n, "SIEM-01");
            if (!(n % 10 === 9 && sent.length)) sent.push(b);
            ctx.b = b;
            return { ...req, body: JSON.stringify({ events: b }) };
          },
          onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
            if (warm) return;
            if (status >= 200 && status < 300) {
              const r = JSON.parse(body) as { accepted: number; duplicates: number };
              accepted += r.accepted;
              duplicates += r.duplicates;
              for (const e of ctx.b as Ev[]) ok.add(e.event_id);
            } else non2xx++;
          },
        },
      ],
    });
  await run(CONNECTIONS * 2, true); // warm up: compile the route, fill the pools
  const warmIds = new Set(sent.flat().map((e) => e.event_id));
  sent.length = 0;
  i = 0;
  const started = performance.now();
  const inst = run(REQUESTS);
  (inst as unknown as { on: (e: string, f: (...a: unknown[]) => void) => void }).on?.("response", (_c: unknown, _s: unknown, _b: unknown, t: unknown) => lat.push(Number(t)));
  const res = await inst;
  // Wall time: autocannon's own `duration` is whole seconds, too coarse for a 3 s run.
  const secs = (performance.now() - started) / 1000;
  return { res, secs, accepted, duplicates, non2xx, ok, warmIds, lat };
}

async function main() {
  const url = requireDatabaseUrl();
  const user = await benchUser("learner", "bench-ingest@bench.sortie.dev");
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const [m] = await sql<{ id: string }[]>`select id from missions where code = 'SIEM-01'`;
  if (!m) throw new Error("Run npm run gen:scale first (needs the demo content).");
  await sql`insert into mission_progress (user_id, mission_id, mission_version, attempt, state)
    select ${user.id}, m.id, m.version, 1, 'in_progress' from missions m on conflict do nothing`;
  // Every stage of every mission: stage.left events spread over ~140 stage_time rows, as real traffic does.
  attempts = await sql<{ progress: string; stage: string; mission: string }[]>`
    select p.id as progress, st.key as stage, m.code as mission
    from mission_progress p join missions m on m.id = p.mission_id join mission_stages st on st.mission_id = m.id
    where p.user_id = ${user.id} and p.attempt = 1 order by m.code, st.position`;
  // Without an app server nothing refreshes the rollup: do not wait for it.
  if (!process.env.BENCH_RAW_ONLY) await settle(url);
  console.log(`run ${RUN}: ${REQUESTS} batches × ${BATCH} events, ${CONNECTIONS} connections, app at ${BASE}`);

  const ceiling = await raw(url, user.id, m.id);
  console.log(`raw postgres.js batched INSERT: ${ceiling.eventsPerSec.toLocaleString()} events/s, batch p99 ${ceiling.batchLatencyMs.p99} ms`);
  if (process.env.BENCH_RAW_ONLY) {
    // The database side alone (no app server): compares schemas, e.g. before and after partitioning.
    console.log(JSON.stringify({ run: RUN, raw: ceiling }, null, 2));
    await sql.end();
    const { closeDb } = await import("@/lib/db");
    await closeDb();
    return;
  }

  const a = await app(user.token);
  const processed = a.accepted + a.duplicates;
  const appRate = Math.round(processed / a.secs);
  const [counts] = await sql<{ n: number; distinct: number }[]>`
    select count(*)::int as n, count(distinct event_id)::int as distinct from telemetry_events
    where user_id = ${user.id} and payload->>'run' = ${RUN} and not (payload ? 'raw')`;
  const expected = [...a.ok].filter((id) => !a.warmIds.has(id)).length;
  const warmStored = a.warmIds.size;
  const lost = expected + warmStored - counts.distinct;
  const doubled = counts.n - counts.distinct;
  const p = summarise(a.lat);
  const result = {
    run: RUN,
    raw: ceiling,
    app: {
      requests: a.res.requests.total,
      non2xx: a.non2xx,
      seconds: Math.round(a.secs * 10) / 10,
      eventsPerSec: appRate,
      acceptedPerSec: Math.round(a.accepted / a.secs),
      latencyMs: { p50: a.res.latency.p50, p99: a.res.latency.p99, ...(p.n ? { p95_measured: p.p95 } : {}) },
    },
    ratio: Math.round((appRate / ceiling.eventsPerSec) * 1000) / 1000,
    verification: { unique_events_sent: expected + warmStored, rows_stored: counts.n, distinct_event_ids: counts.distinct, accepted_reported: a.accepted, lost, doubled },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\napp ingest: ${appRate.toLocaleString()} events/s (${(result.ratio * 100).toFixed(1)}% of raw), p99 ${a.res.latency.p99} ms per 500-event request; lost ${lost}, doubled ${doubled}`);
  await sql.end();
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  if (lost !== 0 || doubled !== 0 || a.non2xx > 0) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
