import "server-only";
import http from "node:http";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { migrationsApplied } from "@/lib/db/migrate";
import { isBootstrapping } from "@/lib/bootstrap";

// Process state shared by the readiness check and the shutdown handler (one per process).
const g = globalThis as unknown as { __sortieDraining?: boolean; __sortieShutdownInstalled?: boolean; __sortieKeepAlivePatched?: boolean };

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
 * Keep-alive during the drain. Next's SIGTERM handler calls `server.close()`, which in Node ≥ 19
 * destroys every idle keep-alive connection at once: a POST that a balancer sends on one of them
 * in that instant is reset, and a balancer does not retry a POST that may have been received
 * (nginx answers 502). Instead, while draining:
 * - every response says `Connection: close` and the socket is closed once it is sent, so a client
 *   learns that the connection is ending from an answer instead of from a reset;
 * - idle connections are closed DRAIN_IDLE_MS later rather than at once; a request arriving on one
 *   meanwhile is served (with that `Connection: close`).
 * New connections are refused from the start (the listener is closed), which a balancer retries
 * elsewhere safely, since nothing was sent.
 */
export function drainKeepAlive() {
  if (g.__sortieKeepAlivePatched) return;
  g.__sortieKeepAlivePatched = true;
  const closeIdle = http.Server.prototype.closeIdleConnections;
  http.Server.prototype.closeIdleConnections = function (this: http.Server) {
    if (!isDraining()) return closeIdle.call(this);
    setTimeout(() => closeIdle.call(this), DRAIN_IDLE_MS).unref();
  };
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (isDraining()) this.shouldKeepAlive = false;
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof writeHead;
}

/**
 * On SIGTERM (a rolling deploy, `docker stop`, a scale-down): report not ready at once so health
 * checks route new traffic elsewhere, end keep-alive connections gracefully (drainKeepAlive), and
 * stop taking background jobs (a running one gets a few seconds; pg-boss retries it elsewhere if it
 * is cut off). Next's own handler meanwhile stops accepting connections, finishes in-flight
 * requests and exits once every connection has closed.
 */
export function installShutdown(stopJobs: (timeoutMs: number) => Promise<void>) {
  if (g.__sortieShutdownInstalled) return;
  g.__sortieShutdownInstalled = true;
  drainKeepAlive();
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
