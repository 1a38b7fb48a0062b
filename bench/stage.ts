// Stage page server response time under 20 concurrent users, against a running `npm start`.
//
//   npm run build && npm start            (in another shell; embedded demo or DATABASE_URL)
//   BASE_URL=http://localhost:3000 npm run bench:stage
//
// Signs up a fresh learner, completes Foundations and starts SIEM-01 through the API, then
// measures GET /missions/SIEM-01/play (server-rendered, signed in) with autocannon, next to two
// baselines measured in the same run: the OpenAPI JSON route and the public landing page.
// Prints latency and throughput, and the stage page's figures as ratios to the baselines.
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const DURATION = Number(process.env.DURATION ?? 15);
const MISSION = process.env.MISSION ?? "SIEM-01";

const jar = new Map<string, string>();
function keep(res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function req(path: string, init: RequestInit = {}) {
  const res = await fetch(`${BASE}${path}`, { redirect: "manual", ...init, headers: { cookie: cookie(), ...(init.headers ?? {}) } });
  keep(res);
  return res;
}

async function signUpAndStart() {
  const email = `bench-${randomBytes(5).toString("hex")}@bench.sortie.dev`;
  const password = "bench-password-123";
  const r = await req("/api/v1/auth/register", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: "Bench Learner" }) });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${await r.text()}`);
  const { csrfToken } = (await (await req("/api/auth/csrf")).json()) as { csrfToken: string };
  const s = await req("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/dashboard` }),
  });
  if (![200, 302, 303].includes(s.status) || ![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${s.status}`);
  const f = (await (await req("/api/v1/foundations")).json()) as { modules: { slug: string }[] };
  for (const m of f.modules) await req(`/api/v1/foundations/${m.slug}/complete`, { method: "POST" });
  const st = await req(`/api/v1/missions/${MISSION}/start`, { method: "POST" });
  if (st.status >= 300) throw new Error(`start: ${st.status} ${await st.text()}`);
}

function run(title: string, path: string, withCookie: boolean): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      { url: `${BASE}${path}`, connections: CONNECTIONS, duration: DURATION, headers: withCookie ? { cookie: cookie() } : {}, title },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    void inst;
  });
}

function line(name: string, r: autocannon.Result) {
  const ok = r["2xx"];
  return `${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p90 ${String(r.latency.p90).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   2xx ${ok}/${r.requests.total}${r.non2xx ? `  non-2xx ${r.non2xx}` : ""}`;
}

async function main() {
  await signUpAndStart();
  const check = await req(`/missions/${MISSION}/play`);
  if (check.status !== 200) throw new Error(`stage page answered ${check.status}; is the learner signed in?`);
  console.log(`Sortie stage page benchmark · ${BASE} · ${CONNECTIONS} connections · ${DURATION} s each\n`);
  // Warm-up so compilation and caches do not count.
  await run("warm-up", `/missions/${MISSION}/play`, true);
  const api = await run("openapi", "/api/v1/openapi.json", false);
  const landing = await run("landing", "/", false);
  const stage = await run("stage", `/missions/${MISSION}/play`, true);
  console.log(line("baseline: GET /api/v1/openapi.json", api));
  console.log(line("baseline: GET / (landing)", landing));
  console.log(line(`GET /missions/${MISSION}/play (signed in)`, stage));
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
  console.log(`\nstage p50 / openapi p50 = ${ratio(stage.latency.p50, api.latency.p50)}×   stage p99 / openapi p99 = ${ratio(stage.latency.p99, api.latency.p99)}×`);
  console.log(`stage p50 / landing p50 = ${ratio(stage.latency.p50, landing.latency.p50)}×   stage throughput / openapi = ${ratio(stage.requests.average, api.requests.average)}×`);
  if (stage.non2xx > 0) {
    console.error(`\n${stage.non2xx} stage requests did not answer 2xx.`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
