// Dashboard reads while people work (issue 14): the dashboards and GET /api/v1/me requested in turn by
// the same clients (so the baseline shares the run's conditions), first on a quiet database, then with
// the background write load of write-load.ts; and the freshness of the figures (a write → the dashboard
// that shows it). Called from bench/analytics.ts.
import postgres from "postgres";
import { BASE, summarise } from "./common";
import { loadAverage, startWriteLoad } from "./write-load";

export interface Entry {
  label: string;
  path: string;
  token: string;
}

async function get(path: string, token: string) {
  const r = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await r.text();
  return { ok: r.ok, status: r.status, body };
}

/** `connections` clients each request the entries in turn (from different starting points) for `seconds`. */
export async function interleaved(entries: Entry[], seconds: number, connections: number) {
  const lat = new Map<string, number[]>(entries.map((e) => [e.label, []]));
  let non2xx = 0;
  const deadline = performance.now() + seconds * 1000;
  const load = [loadAverage()];
  const sampler = setInterval(() => load.push(loadAverage()), 5000);
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      let i = w;
      while (performance.now() < deadline) {
        const e = entries[i++ % entries.length];
        const t = performance.now();
        const r = await get(e.path, e.token);
        lat.get(e.label)!.push(performance.now() - t);
        if (!r.ok) non2xx++;
      }
    }),
  );
  clearInterval(sampler);
  load.push(loadAverage());
  const me = summarise(lat.get("me") ?? []);
  return {
    non2xx,
    load_average: Math.round((load.reduce((a, x) => a + x, 0) / load.length) * 100) / 100,
    results: entries.map((e) => {
      const s = summarise(lat.get(e.label)!);
      return { label: e.label, ...s, p50_ratio: Math.round((s.p50 / me.p50) * 10) / 10, p95_ratio: Math.round((s.p95 / me.p95) * 10) / 10 };
    }),
  };
}

/**
 * Freshness: a new attempt of `mission` is written, then its dashboard is read every 100 ms until it
 * counts it. Returns the times (ms) from the commit to the first answer that shows it.
 */
export async function freshness(url: string, token: string, mission: string, samples: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const path = `/api/v1/missions/analytics/performance?mission=${mission}`;
  const attempts = async () => (JSON.parse((await get(path, token)).body) as { kpis: { attempts: number } }).kpis.attempts;
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const before = await attempts();
      await sql`insert into mission_progress (user_id, mission_id, mission_version, attempt, state, path, started_at, submitted_at, score, passed)
        select p.user_id, p.mission_id, 1, (select max(attempt) + 1 from mission_progress q where q.user_id = p.user_id and q.mission_id = p.mission_id),
          'approved', '["probe"]'::jsonb, now() - interval '1 hour', now(), 50, true
        from mission_progress p join missions m on m.id = p.mission_id where m.code = ${mission} order by random() limit 1`;
      const t0 = performance.now();
      for (;;) {
        if ((await attempts()) > before) break;
        if (performance.now() - t0 > 120_000) throw new Error("freshness: the write did not show up within 120 s (is the analytics-maintenance job running?)");
        await new Promise((r) => setTimeout(r, 100));
      }
      times.push(performance.now() - t0);
    }
  } finally {
    await sql.end();
  }
  return summarise(times);
}

/** The quiet run, then the same run with the write load, and the freshness under that load. */
export async function readsWhileWriting(url: string, entries: Entry[], { seconds, connections, adminToken }: { seconds: number; connections: number; adminToken: string }) {
  // Wait for the server's change consumer to be running (pg-boss starts it on the next minute).
  const warm = await freshness(url, adminToken, "SIEM-01", 1);
  console.log(`change consumer running (first write shown after ${warm.max} ms)`);
  const quiet = await interleaved(entries, seconds, connections);
  const load = await startWriteLoad(url);
  const measured = await (async () => {
    const busy = await interleaved(entries, seconds, connections);
    return { busy, fresh: await freshness(url, adminToken, "SIEM-01", 8) };
  })().catch(async (e) => {
    await load.stop();
    throw e;
  });
  const writes = await load.stop();
  const { busy, fresh } = measured;
  const row = (label: string, r: (typeof quiet)["results"][number]) =>
    `${label.padEnd(44)} p50 ${String(r.p50).padStart(7)}  p95 ${String(r.p95).padStart(7)} ms  (÷ /me: ${r.p50_ratio} / ${r.p95_ratio})  n=${r.n}`;
  console.log(`\nInterleaved with GET /me, ${connections} clients × ${seconds} s; load average quiet ${quiet.load_average}, with writes ${busy.load_average}`);
  for (const r of quiet.results) console.log(row(`quiet   ${r.label}`, r));
  for (const r of busy.results) console.log(row(`writing ${r.label}`, r));
  console.log(`writes during the loaded run: ${JSON.stringify(writes)}; non-2xx: quiet ${quiet.non2xx}, writing ${busy.non2xx}`);
  console.log(`freshness (write → dashboard showing it, 8 samples, under the write load): p50 ${fresh.p50} ms, p95 ${fresh.p95} ms, max ${fresh.max} ms`);
  return { quiet, writing: busy, writes, freshness: fresh };
}
