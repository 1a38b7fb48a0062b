// CPU per request of the Next.js server and of Postgres (all its backends), read from /proc before and
// after 10 s of autocannon at 4 connections: where an endpoint's time goes, next to GET /me.
//   BENCH_URL=http://localhost:3400 DATABASE_URL=… npx tsx bench/cpu.ts [path]
import autocannon from "autocannon";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { BASE, benchUser } from "./common";

/** utime + stime of these processes, in clock ticks (10 ms). */
function ticks(pids: string[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      total += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A process that exited during the run: its time is lost, which only understates it.
    }
  }
  return total;
}

const pids = (cmd: string) => execSync(cmd).toString().trim().split("\n").filter(Boolean);

async function main() {
  const admin = await benchUser("admin", "bench-admin@bench.sortie.dev");
  for (const path of ["/api/v1/me", process.argv[2] ?? "/api/v1/missions/analytics/performance"]) {
    const [n0, p0] = [ticks(pids("pgrep -f next-server")), ticks(pids("pgrep -u postgres"))];
    const r = await autocannon({ url: `${BASE}${path}`, connections: 4, duration: 10, headers: { authorization: `Bearer ${admin.token}` } });
    // Read the processes again: pool connections opened during the run count with all their time.
    const [n1, p1] = [ticks(pids("pgrep -f next-server")), ticks(pids("pgrep -u postgres"))];
    const per = (t: number) => ((t * 10) / r.requests.total).toFixed(1);
    console.log(`${path}: ${r.requests.total} requests, p50 ${r.latency.p50} ms; CPU per request: node ${per(n1 - n0)} ms, postgres ${per(p1 - p0)} ms`);
  }
  const { closeDb } = await import("@/lib/db");
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
