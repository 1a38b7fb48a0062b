import "server-only";
import fs from "node:fs";
import http from "node:http";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { migrationsApplied } from "@/lib/db/migrate";
import { isBootstrapping } from "@/lib/bootstrap";

// Process state shared by the readiness check and the shutdown handler (one per process).
const g = globalThis as unknown as {
  __sortieDraining?: boolean;
  __sortieListenerClosed?: boolean;
  __sortieShutdownInstalled?: boolean;
  __sortieKeepAlivePatched?: boolean;
};

export const isDraining = () => g.__sortieDraining === true;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (t = setTimeout(() => reject(new Error("timeout")), ms)))]).finally(() => clearTimeout(t));
}

/** What GET /api/ready reports: database reachable, migrations applied (and this process's start-up done), not shutting down. */
export async function readiness() {
  const draining = isDraining();
  const database = await within(2_000, getDb().execute(sql`select 1`)).then(() => true, () => false);
  // Migrations count as applied only once this process has also finished its start-up (the demo seed).
  const migrations = database && !isBootstrapping() ? await within(2_000, migrationsApplied()).catch(() => false) : false;
  return { ready: database && migrations && !draining, database, migrations, draining };
}

/**
 * How long, after SIGTERM, an idle keep-alive connection stays open for a request already on its way.
 * Longer than the load balancer's own idle timeout for upstream connections (deploy/nginx.conf:
 * `keepalive_timeout 4s`), so the balancer closes every idle connection itself first and never sends
 * a request on one we are closing; and no longer than Node's keepAliveTimeout (5 s), which closes
 * idle connections in normal operation anyway.
 */
export const DRAIN_IDLE_MS = 5_000;

/**
 * Draining after SIGTERM, in two steps, so that no request that reached this instance is reset:
 *
 * 1. **Listening** (`SORTIE_SHUTDOWN_DELAY_MS`, then until the event loop has caught up): the listener
 *    stays open and every request is served; `/api/ready` answers 503 so health checks move traffic
 *    elsewhere. Next's handler calls `server.close()` at once; that is deferred. Closing a listener
 *    resets every connection the kernel has accepted and Node has not yet taken (proved in
 *    lifecycle.test.ts): on a busy instance a request sent tens of milliseconds *before* the signal
 *    can still be waiting there, and a balancer does not retry a POST it has sent (nginx answers
 *    502). So the listener closes only after the delay and in the check phase right after a poll
 *    phase, when Node has just taken everything queued.
 * 2. **Closed**: new connections are refused, which a balancer retries elsewhere safely (nothing was
 *    sent). Keep-alive connections end gracefully: every answer says `Connection: close` and its
 *    socket closes once it is sent; idle ones are closed DRAIN_IDLE_MS later rather than at once
 *    (Node ≥ 19's `server.close()` would destroy them, with a request possibly on its way). Next exits
 *    once every connection has closed.
 */
/**
 * Connections the kernel has completed on a listening port that no process has accepted yet (Linux:
 * the accept-queue length /proc/net/tcp and tcp6 give a LISTEN socket as its rx_queue); 0 where it
 * cannot be read.
 */
export function queuedConnections(port: number): number {
  let n = 0;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== "0A" || !cols[1] || !cols[4]) continue; // 0A: LISTEN
      if (parseInt(cols[1].slice(cols[1].lastIndexOf(":") + 1), 16) === port) n += parseInt(cols[4].split(":")[1] ?? "0", 16) || 0;
    }
  }
  return n;
}

export function drainKeepAlive(delayMs = 0) {
  if (g.__sortieKeepAlivePatched) return;
  g.__sortieKeepAlivePatched = true;
  const close = http.Server.prototype.close;
  const closing = new WeakSet<http.Server>();
  http.Server.prototype.close = function (this: http.Server, callback?: (err?: Error) => void) {
    if (!isDraining() || closing.has(this)) return close.call(this, callback);
    closing.add(this);
    // Node takes queued connections over several loop turns, not all in one poll phase: close in
    // the first check phase after a turn that took none (at most 2,000 turns, for a listener that
    // never goes quiet).
    let taken = 0;
    const count = () => taken++;
    this.on("connection", count);
    const port = (this.address() as { port?: number } | null)?.port;
    const closeWhenQuiet = (turns: number, seen: number) =>
      setImmediate(() => {
        // A loop turn that took none can still end with a connection queued since its poll (a busy
        // turn lasts milliseconds): the kernel's own count is read right before closing.
        if ((taken !== seen || (port !== undefined && queuedConnections(port) > 0)) && turns < 2_000) return closeWhenQuiet(turns + 1, taken);
        this.off("connection", count);
        g.__sortieListenerClosed = true;
        close.call(this, callback);
      });
    setTimeout(() => closeWhenQuiet(0, -1), delayMs);
    return this;
  };
  const closeIdle = http.Server.prototype.closeIdleConnections;
  http.Server.prototype.closeIdleConnections = function (this: http.Server) {
    if (!isDraining()) return closeIdle.call(this);
    setTimeout(() => closeIdle.call(this), DRAIN_IDLE_MS).unref();
  };
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    // While still listening, connections stay reusable: a balancer that reuses them opens fewer new
    // ones, and fewer are in flight when the listener closes.
    if (isDraining() && g.__sortieListenerClosed) this.shouldKeepAlive = false;
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof writeHead;
}

/**
 * On SIGTERM (a rolling deploy, `docker stop`, a scale-down): report not ready at once so health
 * checks route new traffic elsewhere, end keep-alive connections gracefully (drainKeepAlive), and
 * stop taking background jobs (a running one gets a few seconds; pg-boss retries it elsewhere if it
 * is cut off). Next's own handler then closes the server (once drainKeepAlive's listening step is
 * over), finishes in-flight requests and exits once every connection has closed.
 */
export function installShutdown(stopJobs: (timeoutMs: number) => Promise<void>, delayMs: number) {
  if (g.__sortieShutdownInstalled) return;
  g.__sortieShutdownInstalled = true;
  drainKeepAlive(delayMs);
  const onSignal = (signal: string) => {
    if (g.__sortieDraining) return;
    g.__sortieDraining = true;
    console.log(`[sortie] ${signal}: draining (not ready, no new jobs)`);
    stopJobs(8_000).then(
      () => console.log("[sortie] background jobs stopped"),
      (e) => console.error("[sortie] stopping background jobs:", e instanceof Error ? e.message : e),
    );
  };
  // Before Next's handler (registered earlier), so the server is already draining when it closes.
  process.prependOnceListener("SIGTERM", () => onSignal("SIGTERM"));
  process.prependOnceListener("SIGINT", () => onSignal("SIGINT"));
}
