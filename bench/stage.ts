// Stage page throughput and latency at 10 concurrent users, against a running production server
// (`next build && next start`, embedded demo or DATABASE_URL), next to two baselines in the same run.
//
//   BASE_URL=http://localhost:3000 npm run bench:stage
//   CONNECTIONS=10 DURATION=10 ROUNDS=3 MISSION=SIEM-01 (the defaults)
//   PAGE=/dashboard  measures another signed-in page in the stage page's place
//   ONLY=play  measures only the targets whose path contains it (to profile one page: no ratios then)
//
// Signs up a fresh learner, completes Foundations and starts the mission through the API, then
// measures in ROUNDS interleaved rounds (the order rotates each round, so a machine that gets
// busier mid-run hurts every target alike): GET /login (signed out: a server-rendered page without
// data), GET /api/v1/me (signed in: session resolution and one row) and GET /missions/{MISSION}/play
// (signed in: the stage page). Prints each run with the load average before it, then the stage
// page's req/s and p97.5 as ratios to the baselines, per round and as the median of the rounds.
// (autocannon reports p97.5, not p95.)
import os from "node:os";
import autocannon from "autocannon";
import { cookie, req, signUpAndStart } from "./stage-session";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const DURATION = Number(process.env.DURATION ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const MISSION = process.env.MISSION ?? "SIEM-01";

function run(title: string, path: string, withCookie: boolean, duration = DURATION): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      { url: `${BASE}${path}`, connections: CONNECTIONS, duration, headers: withCookie ? { cookie: cookie() } : {}, title },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    void inst;
  });
}

function line(name: string, r: autocannon.Result, load: number) {
  const ok = r["2xx"];
  return `${name.padEnd(34)} load ${load.toFixed(1).padStart(5)}  ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p90 ${String(r.latency.p90).padStart(5)} ms   p97.5 ${String(r.latency.p97_5).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   2xx ${ok}/${r.requests.total}${r.non2xx ? `  non-2xx ${r.non2xx}` : ""}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  await signUpAndStart(BASE, MISSION);
  const stagePath = process.env.PAGE ?? `/missions/${MISSION}/play`;
  const check = await fetch(`${BASE}${stagePath}`, { redirect: "manual", headers: { cookie: cookie() } });
  if (check.status !== 200) throw new Error(`stage page answered ${check.status}; is the learner signed in?`);
  const stageBytes = (await check.arrayBuffer()).byteLength;
  const me = await req(BASE, "/api/v1/me");
  if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}`);
  const loginBytes = (await (await fetch(`${BASE}/login`)).arrayBuffer()).byteLength;
  console.log(`HTML (uncompressed): stage page ${(stageBytes / 1024).toFixed(1)} kB, /login ${(loginBytes / 1024).toFixed(1)} kB`);
  console.log(`Sortie stage page benchmark · ${BASE} · ${CONNECTIONS} connections · ${DURATION} s per run · ${ROUNDS} rounds · ${os.cpus().length} CPUs\n`);
  const targets = [
    { name: "GET /login (signed out)", path: "/login", cookie: false },
    { name: "GET /api/v1/me", path: "/api/v1/me", cookie: true },
    { name: `GET ${stagePath}`, path: stagePath, cookie: true },
  ];
  if (process.env.ONLY) {
    for (const t of targets.filter((x) => x.path.includes(process.env.ONLY!))) {
      await run(`warm-up ${t.name}`, t.path, t.cookie, 3);
      console.log(line(t.name, await run(t.name, t.path, t.cookie), os.loadavg()[0]));
    }
    return;
  }
  // Warm-up so compilation, caches and connection pools do not count.
  for (const t of targets) await run(`warm-up ${t.name}`, t.path, t.cookie, 3);
  const ratios: { login: number; me: number; p975: number }[] = [];
  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const got = new Map<string, autocannon.Result>();
    console.log(`round ${round + 1}`);
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      const load = os.loadavg()[0];
      const r = await run(t.name, t.path, t.cookie);
      got.set(t.path, r);
      console.log(`  ${line(t.name, r, load)}`);
      if (r.non2xx > 0 || r.errors > 0) failures++;
    }
    const [login, meR, stage] = targets.map((t) => got.get(t.path)!);
    const ratio = { login: stage.requests.average / login.requests.average, me: stage.requests.average / meR.requests.average, p975: stage.latency.p97_5 / login.latency.p97_5 };
    ratios.push(ratio);
    console.log(`  stage req/s ÷ /login ${(ratio.login * 100).toFixed(0)}%   ÷ /me ${(ratio.me * 100).toFixed(0)}%   stage p97.5 ÷ /login p97.5 ${ratio.p975.toFixed(2)}×\n`);
  }
  console.log(`median of ${ROUNDS} rounds: stage req/s = ${(median(ratios.map((r) => r.login)) * 100).toFixed(0)}% of /login, ${(median(ratios.map((r) => r.me)) * 100).toFixed(0)}% of /api/v1/me; stage p97.5 = ${median(ratios.map((r) => r.p975)).toFixed(2)}× /login's`);
  if (failures > 0) {
    console.error(`\n${failures} runs had non-2xx answers or errors.`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
