// CPU per view of two builds of the same app, interleaved in small blocks: on a machine shared with
// other work, CPU time per request swings by a third between runs a minute apart (contention slows
// every instruction), so bench/cpu-per-view.ts run once per build compares two different moments.
// Here each block sends BLOCK requests to one server then the other (order alternating), so both
// builds see the same background; the figures are the sums over all blocks.
//
//   A_PID=… A_URL=http://localhost:3301 B_PID=… B_URL=http://localhost:3302 DATABASE_URL=… \
//     BLOCKS=20 BLOCK=25 PATHS=/login,/missions/SIEM-01/play [ACCEPT_ENCODING=identity] npx tsx bench/cpu-ab.ts
//
// Both servers must use the same database and AUTH_SECRET: one learner is signed up (through A) and
// their cookie is sent to both. Prints node and postgres ms per view for each build and path, and
// each path's CPU and req/s ceiling beside the first path's (the ratio bench/stage.ts measures when
// the machine, not the client, is the bottleneck).
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { signUpAndStart, req } from "./stage-session";

const SIDES = [
  { name: "A", pid: Number(process.env.A_PID), url: process.env.A_URL ?? "" },
  { name: "B", pid: Number(process.env.B_PID), url: process.env.B_URL ?? "" },
];
const BLOCKS = Number(process.env.BLOCKS ?? 20);
const BLOCK = Number(process.env.BLOCK ?? 25);
const PATHS = (process.env.PATHS ?? "/login,/missions/SIEM-01/play").split(",");
// fetch asks for gzip by default, as browsers do; ACCEPT_ENCODING=identity measures what autocannon
// (bench/stage.ts) asks for: the page without Next's compression (≈ 4 ms of a stage view).
const ENCODING = process.env.ACCEPT_ENCODING;
const TICK = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * TICK; // utime, stime
  } catch {
    return NaN; // a backend that ended meanwhile
  }
}

/** CPU the processes spent since `before` (pid → ms), leaving out any that ended meanwhile. */
function spent(before: Map<number, number>): number {
  let t = 0;
  for (const [pid, ms] of before) {
    const now = cpuMs(pid);
    if (Number.isFinite(now) && Number.isFinite(ms)) t += now - ms;
  }
  return t;
}

/** Postgres backends serving `pid` (matched by the client ports of its connections to 5432). */
async function backendPids(sql: postgres.Sql, pid: number): Promise<number[]> {
  const out = execFileSync("ss", ["-tnpH", "state", "established", "( dport = :5432 )"]).toString();
  const ports = new Set(out.split("\n").filter((l) => l.includes(`pid=${pid},`)).map((l) => Number(l.trim().split(/\s+/)[2].split(":").pop())));
  const rows = await sql<{ pid: number; client_port: number }[]>`select pid, client_port from pg_stat_activity where client_port is not null`;
  return rows.filter((r) => ports.has(r.client_port)).map((r) => r.pid);
}

async function main() {
  for (const s of SIDES) if (!s.pid || !s.url) throw new Error("A_PID, A_URL, B_PID and B_URL are required");
  const sql = postgres(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });
  await signUpAndStart(SIDES[0].url);
  const total = new Map<string, { node: number; pg: number; n: number }>();
  for (const s of SIDES) for (const p of PATHS) {
    total.set(`${s.name} ${p}`, { node: 0, pg: 0, n: 0 });
    for (let i = 0; i < 20; i++) await req(s.url, p, !p.startsWith("/login")); // warm-up, pool open
  }
  for (let b = 0; b < BLOCKS; b++) {
    const order = b % 2 ? [...SIDES].reverse() : SIDES;
    for (const path of PATHS) {
      for (const s of order) {
        const pg = new Map((await backendPids(sql, s.pid)).map((p) => [p, cpuMs(p)]));
        const node = new Map([[s.pid, cpuMs(s.pid)]]);
        const worker = async (k: number) => {
          for (let i = k; i < BLOCK; i += 2) {
            const r = await req(s.url, path, !path.startsWith("/login"), ENCODING ? { headers: { "accept-encoding": ENCODING } } : {});
            if (r.status !== 200) throw new Error(`${s.name} ${path}: ${r.status}`);
          }
        };
        await Promise.all([worker(0), worker(1)]);
        const t = total.get(`${s.name} ${path}`)!;
        t.node += spent(node);
        t.pg += spent(pg);
        t.n += BLOCK;
      }
    }
  }
  console.log(`${BLOCKS} blocks of ${BLOCK} requests per build and path, 2 at a time, accept-encoding ${ENCODING ?? "fetch's default (gzip)"} · load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  for (const s of SIDES) {
    const per = (p: string) => {
      const t = total.get(`${s.name} ${p}`)!;
      return { node: t.node / t.n, pg: t.pg / t.n };
    };
    for (const p of PATHS) console.log(`${s.name} ${p.padEnd(28)} node ${per(p).node.toFixed(2).padStart(6)} ms/view   postgres ${per(p).pg.toFixed(2).padStart(5)} ms/view`);
    // The server is one thread: views per second are bounded by 1 s of node CPU and by the machine's
    // cores shared with Postgres, whichever binds first.
    const cap = (p: string) => Math.min(1000 / per(p).node, (1000 * os.cpus().length) / (per(p).node + per(p).pg));
    const [base, ...rest] = PATHS;
    for (const p of rest) {
      const ratio = (per(p).node + per(p).pg) / (per(base).node + per(base).pg);
      console.log(`${s.name} ${p} ÷ ${base}: node ${(per(p).node / per(base).node).toFixed(2)}×, node + postgres ${ratio.toFixed(2)}× the CPU; on ${os.cpus().length} cores at most ${((100 * cap(p)) / cap(base)).toFixed(0)}% of its req/s`);
    }
  }
  await sql.end();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
