import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Issue 19: the ingesting process is killed (SIGKILL) mid-ingest, the client resends every batch
// (it keeps events until a 2xx, so it resends some the server had stored), and the rows are
// counted: each event exactly once, none lost, none doubled. The ingesting process runs
// ingestEvents, the same use case as POST /api/v1/telemetry/events, in a process of its own.
const BATCHES = 60;
const PER_BATCH = 100;
const KILL_AFTER = 15;

const ROOT = path.resolve(import.meta.dirname, "../..");
// On Postgres the child uses this file's database; on embedded PGlite, a directory of its own.
const childEnv = { ...process.env, ...(process.env.SORTIE_TEST_BASE_URL ? {} : { SORTIE_PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "sortie-crash-")) }) };

function child(args: string[], pace: number, onLine?: (line: string, kill: () => void) => void): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: one process, so SIGKILL hits the one doing the ingest.
    const p = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/ingest-child.ts", ...args], { cwd: ROOT, env: { ...childEnv, INGEST_PACE_MS: String(pace) } });
    const lines: string[] = [];
    let buf = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        onLine?.(line, () => p.kill("SIGKILL"));
      }
    });
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("close", (code, signal) => (code && code !== 0 ? reject(new Error(`child failed (${code}): ${err.slice(-2000)}`)) : resolve({ lines, signal, code })));
  });
}

describe("telemetry crash-restart", () => {
  it(`SIGKILL mid-ingest, every batch resent: ${BATCHES * PER_BATCH} events stored exactly once`, async () => {
    expect((await child(["count"], 0)).lines.at(-1)).toBe("0 0");
    const first = await child(["ingest", "0", String(BATCHES)], 0, (line, kill) => {
      if (line === `ok ${KILL_AFTER - 1}`) kill();
    });
    expect(first.signal).toBe("SIGKILL");
    const acknowledged = first.lines.filter((l) => l.startsWith("ok ")).length;
    expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged).toBeLessThan(BATCHES);
    const [stored] = (await child(["count"], 0)).lines.at(-1)!.split(" ").map(Number);
    // Everything acknowledged before the kill is there; the batch in flight is all or nothing.
    expect(stored).toBeGreaterThanOrEqual(acknowledged * PER_BATCH);
    expect(stored % PER_BATCH).toBe(0);

    // The client resends its whole queue: what was stored is dropped as duplicates, the rest goes in.
    const second = await child(["ingest", "0", String(BATCHES)], 0);
    expect(second.lines.filter((l) => l.startsWith("ok "))).toHaveLength(BATCHES);
    const [rowsAfter, distinct] = (await child(["count"], 0)).lines.at(-1)!.split(" ").map(Number);
    console.log(`[crash-restart] killed after ${acknowledged} acknowledged batches (${stored} rows); after resending ${BATCHES} batches: ${rowsAfter} rows, ${distinct} distinct, ${BATCHES * PER_BATCH} expected`);
    expect(rowsAfter).toBe(BATCHES * PER_BATCH);
    expect(distinct).toBe(BATCHES * PER_BATCH);
  }, 240_000);
});
