// CPU time one page view costs, in the Node server and in the Postgres backends serving it: a figure
// that a busy shared machine disturbs far less than requests per second (each side is charged only
// for its own processes). On 2 cores the throughput ceiling is about 2 s ÷ (node + postgres) per view.
//
//   SERVER_PID=<next-server pid> BASE_URL=http://localhost:3400 PATHS=/login,/api/v1/me,/missions/SIEM-01/play \
//     DATABASE_URL=… npx tsx bench/cpu-per-view.ts
//
// Signs up and starts the mission like bench/stage.ts, then for each path sends N (default 300)
// requests one after another, 2 at a time, and reads the CPU time (utime + stime from /proc) of the
// server process and of the Postgres backends connected to it (matched by client port) before and
// after. Run it twice, interleaved, against two builds to compare.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { signUpAndStart, req } from "./stage-session";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const PID = Number(process.env.SERVER_PID);
const N = Number(process.env.N ?? 300);
const PATHS = (process.env.PATHS ?? "/login,/api/v1/me,/missions/SIEM-01/play").split(",");
const TICK = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * TICK; // utime, stime (fields 14 and 15)
  } catch {
    return 0; // a backend that ended meanwhile
  }
}

/** Local ports of the server's connections to Postgres (port 5432). */
function serverPorts(): Set<number> {
  const out = execFileSync("ss", ["-tnpH", "state", "established", "( dport = :5432 )"]).toString();
  return new Set(out.split("\n").filter((l) => l.includes(`pid=${PID},`)).map((l) => Number(l.trim().split(/\s+/)[2].split(":").pop())));
}

async function backendPids(sql: postgres.Sql): Promise<number[]> {
  const ports = serverPorts();
  const rows = await sql<{ pid: number; client_port: number }[]>`select pid, client_port from pg_stat_activity where client_port is not null`;
  return rows.filter((r) => ports.has(r.client_port)).map((r) => r.pid);
}

async function main() {
  if (!PID) throw new Error("SERVER_PID is required (the next-server process: `ss -ltnp`)");
  const sql = postgres(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });
  await signUpAndStart(BASE);
  for (const path of PATHS) {
    const signedIn = !path.startsWith("/login");
    for (let i = 0; i < 20; i++) await req(BASE, path, signedIn); // warm-up: compiled code paths, pool open
    const pids = await backendPids(sql);
    const before = { node: cpuMs(PID), pg: pids.reduce((s, p) => s + cpuMs(p), 0) };
    const t = Date.now();
    let bad = 0;
    const worker = async (k: number) => {
      for (let i = k; i < N; i += 2) if ((await req(BASE, path, signedIn)).status !== 200) bad++;
    };
    await Promise.all([worker(0), worker(1)]);
    const wall = Date.now() - t;
    const node = (cpuMs(PID) - before.node) / N;
    const pg = (pids.reduce((s, p) => s + cpuMs(p), 0) - before.pg) / N;
    console.log(
      `${path.padEnd(28)} node ${node.toFixed(2).padStart(6)} ms/view   postgres ${pg.toFixed(2).padStart(6)} ms/view   wall ${(wall / N).toFixed(1)} ms/view   load ${os.loadavg()[0].toFixed(1)}${bad ? `   non-200: ${bad}` : ""}`,
    );
  }
  await sql.end();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
