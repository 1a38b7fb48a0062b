// Analytics endpoints at volume (run npm run gen:scale first): p50/p95/p99 per endpoint under
// autocannon, next to GET /api/v1/me (an authenticated route doing one indexed read) as the baseline.
// Repeated reads of one endpoint are served from answers kept per aggregates version (lib/analytics/memo.ts);
// the "computed afresh" lines give the cost of a read that has to compute its answer. Then (unless
// BENCH_WRITES=0; BENCH_WRITES=only runs just this) the dashboards interleaved with /me, quiet and under a
// steady write load, and the freshness of the figures (bench/interleaved.ts). Run it under the build lock:
//   flock /tmp/sortie-build.lock npm run bench:analytics
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sortie_bench BENCH_URL=http://localhost:3400 npm run bench:analytics
import autocannon from "autocannon";
import postgres from "postgres";
import { BASE, benchUser, settle, summarise } from "./common";
import { readsWhileWriting } from "./interleaved";
import { requireDatabaseUrl } from "./server-modules";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function measure(path: string, token: string) {
  const lat: number[] = [];
  let non2xx = 0;
  // Warm-up (route compile, plan cache), then the measured run.
  await autocannon({ url: `${BASE}${path}`, connections: 2, amount: 6, headers: { authorization: `Bearer ${token}` } });
  const inst = autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS, timeout: 30, headers: { authorization: `Bearer ${token}` } });
  inst.on("response", (_c: unknown, status: number, _b: number, t: number) => {
    lat.push(t);
    if (status < 200 || status >= 300) non2xx++;
  });
  const r = await inst;
  return { path, rps: Math.round(r.requests.average), non2xx, ...summarise(lat) };
}

async function main() {
  const url = requireDatabaseUrl();
  const admin = await benchUser("admin", "bench-admin@bench.sortie.dev");
  // The scale organisation's viewer: every scale learner is in one of its cohorts.
  const viewer = await benchUser("enterprise", "bench-viewer@bench.sortie.dev", "scale-org");
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [vol] = await sql<{ events: number; attempts: number }[]>`select (select count(*) from telemetry_events)::int as events, (select count(*) from mission_progress)::int as attempts`;
  const [learner] = await sql<{ id: string }[]>`select p.user_id as id from mission_progress p join missions m on m.id = p.mission_id where m.code = 'SIEM-01' and p.score is not null limit 1`;
  const [cohort] = await sql<{ slug: string }[]>`select slug from cohorts where slug like 'scale-cohort-%' order by slug limit 1`;
  await sql.end();
  await settle(url);
  console.log(`volume: ${vol.events.toLocaleString()} events, ${vol.attempts.toLocaleString()} attempts; ${CONNECTIONS} connections × ${SECONDS} s per endpoint`);
  const paths: (string | [string, string])[] = [
    "/api/v1/me",
    "/api/v1/missions/analytics/performance",
    "/api/v1/missions/analytics/performance?mission=SIEM-01",
    `/api/v1/missions/analytics/performance?cohort=${cohort?.slug ?? ""}`,
    "/api/v1/missions/analytics/performance?track=defender&tier=beginner&from=2026-01-01",
    `/api/v1/missions/analytics/performance?from=${monthAgo}`,
    ["/api/v1/missions/analytics/performance", "enterprise"],
    "/api/v1/missions/analytics/heatmap",
    `/api/v1/missions/analytics/benchmarks?mission=SIEM-01&learner=${learner?.id ?? ""}`,
    `/api/v1/enterprise/cohorts/${cohort?.slug ?? "none"}/dashboard`,
    "/api/v1/telemetry/xapi?limit=100",
  ];
  // Reads while people work (bench/interleaved.ts): the dashboards interleaved with GET /me, quiet and
  // under a steady write load, plus freshness. BENCH_WRITES=0 skips it, BENCH_WRITES=only runs only it.
  const writesPhase = process.env.BENCH_WRITES === "0" ? null : async () => {
    const entries = [
      { label: "me", path: "/api/v1/me", token: admin.token },
      { label: "performance", path: "/api/v1/missions/analytics/performance", token: admin.token },
      { label: "performance ?mission=SIEM-01", path: "/api/v1/missions/analytics/performance?mission=SIEM-01", token: admin.token },
      { label: "performance ?from=<30 days ago>", path: `/api/v1/missions/analytics/performance?from=${monthAgo}`, token: admin.token },
      { label: "performance (enterprise viewer)", path: "/api/v1/missions/analytics/performance", token: viewer.token },
      { label: "heatmap", path: "/api/v1/missions/analytics/heatmap", token: admin.token },
      { label: "cohort dashboard", path: `/api/v1/enterprise/cohorts/${cohort?.slug ?? "none"}/dashboard`, token: admin.token },
    ];
    return readsWhileWriting(url, entries, { seconds: Number(process.env.BENCH_WRITE_SECONDS ?? 30), connections: CONNECTIONS, adminToken: admin.token });
  };
  if (process.env.BENCH_WRITES === "only" && writesPhase) {
    console.log(JSON.stringify({ volume: vol, connections: CONNECTIONS, reads_while_writing: await writesPhase() }, null, 2));
    const { closeDb } = await import("@/lib/db");
    await closeDb();
    return;
  }
  const out = [];
  for (const entry of paths) {
    const [p, who] = typeof entry === "string" ? [entry, "admin"] : entry;
    const r = { ...(await measure(p, who === "admin" ? admin.token : viewer.token)), as: who };
    out.push(r);
    console.log(`${`${p}${who === "admin" ? "" : ` (as ${who})`}`.padEnd(82)} p50 ${String(r.p50).padStart(7)}  p95 ${String(r.p95).padStart(7)}  p99 ${String(r.p99).padStart(7)} ms  ${r.rps} req/s${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ""}`);
  }
  // A dashboard read right after a write to one mission (the read never waits for the consumer).
  // One write, then one read, 15 times in a row, one connection.
  const writer = postgres(url, { max: 1, onnotice: () => {} });
  const afterWrite: number[] = [];
  for (let i = 0; i < 15; i++) {
    await writer`update mission_progress set score = least(100, coalesce(score, 50) + 0.5)
      where id = (select p.id from mission_progress p join missions m on m.id = p.mission_id where m.code = 'SIEM-01' and p.score is not null order by p.id offset ${i} limit 1)`;
    const t = performance.now();
    const r = await fetch(`${BASE}/api/v1/missions/analytics/performance`, { headers: { authorization: `Bearer ${admin.token}` } });
    if (!r.ok) throw new Error(`performance after a write: ${r.status}`);
    await r.arrayBuffer();
    afterWrite.push(performance.now() - t);
  }
  await writer.end();
  const aw = summarise(afterWrite);
  // A date range nobody asked for yet: summed from daily buckets (no answer kept for it yet). Five new ranges.
  const firstRead: number[] = [];
  for (let days = 31; days <= 35; days++) {
    const from = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const t = performance.now();
    const r = await fetch(`${BASE}/api/v1/missions/analytics/performance?from=${from}`, { headers: { authorization: `Bearer ${admin.token}` } });
    if (!r.ok) throw new Error(`performance for a new range: ${r.status}`);
    await r.arrayBuffer();
    firstRead.push(performance.now() - t);
  }
  const fr = summarise(firstRead);
  // The price of a kept answer's miss: the whole computation, as before answers were kept. Moving the
  // aggregates' version on by hand (as an applied batch of changes would) makes the next read of
  // each endpoint compute its answer again. 15 reads each, one connection.
  const bump = postgres(url, { max: 1, onnotice: () => {} });
  const missed: { path: string; as: string; p50: number; p95: number }[] = [];
  const missPaths: [string, string][] = [
    ["/api/v1/missions/analytics/performance", "admin"],
    ["/api/v1/missions/analytics/performance", "enterprise"],
    ["/api/v1/missions/analytics/heatmap", "admin"],
    [`/api/v1/enterprise/cohorts/${cohort?.slug ?? "none"}/dashboard`, "admin"],
  ];
  for (const [p, who] of missPaths) {
    const t: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bump`update analytics_generation set generation = generation + 1 where id = 1`;
      const a = performance.now();
      const r = await fetch(`${BASE}${p}`, { headers: { authorization: `Bearer ${who === "admin" ? admin.token : viewer.token}` } });
      if (!r.ok) throw new Error(`${p} after a version change: ${r.status}`);
      await r.arrayBuffer();
      t.push(performance.now() - a);
    }
    const m = summarise(t);
    missed.push({ path: p, as: who, p50: m.p50, p95: m.p95 });
    console.log(`${`computed afresh (version moved on): ${p.replace("/api/v1", "")}${who === "admin" ? "" : ` (as ${who})`}`.padEnd(82)} p50 ${String(m.p50).padStart(7)}  p95 ${String(m.p95).padStart(7)}  p99 ${String(m.p99).padStart(7)} ms`);
  }
  await bump.end();
  console.log(`${"performance, first read of a new date range (1 connection, 5 ranges)".padEnd(82)} p50 ${String(fr.p50).padStart(7)}  p95 ${String(fr.p95).padStart(7)}  p99 ${String(fr.p99).padStart(7)} ms`);
  console.log(`${"performance, right after a write to one mission (1 connection, 15 reads)".padEnd(82)} p50 ${String(aw.p50).padStart(7)}  p95 ${String(aw.p95).padStart(7)}  p99 ${String(aw.p99).padStart(7)} ms`);
  const whileWriting = writesPhase ? await writesPhase() : null;
  console.log(JSON.stringify({ volume: vol, connections: CONNECTIONS, seconds: SECONDS, results: out, after_write: aw, first_read_of_range: fr, computed_afresh: missed, reads_while_writing: whileWriting }, null, 2));
  const { closeDb } = await import("@/lib/db");
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
