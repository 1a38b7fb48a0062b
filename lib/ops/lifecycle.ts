import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { migrationsApplied } from "@/lib/db/migrate";
import { isBootstrapping } from "@/lib/bootstrap";

// Process state shared by the readiness check and the shutdown handler (one per process).
const g = globalThis as unknown as { __sortieDraining?: boolean; __sortieShutdownInstalled?: boolean };

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
 * On SIGTERM (a rolling deploy, `docker stop`, a scale-down): report not ready at once so health
 * checks route new traffic elsewhere, and stop taking background jobs (a running one gets a few
 * seconds; pg-boss retries it elsewhere if it is cut off). Next's own handler meanwhile stops
 * accepting connections, finishes in-flight requests and exits.
 */
export function installShutdown(stopJobs: (timeoutMs: number) => Promise<void>) {
  if (g.__sortieShutdownInstalled) return;
  g.__sortieShutdownInstalled = true;
  const onSignal = (signal: string) => {
    if (g.__sortieDraining) return;
    g.__sortieDraining = true;
    console.log(`[sortie] ${signal}: draining (not ready, no new jobs)`);
    stopJobs(8_000).then(
      () => console.log("[sortie] background jobs stopped"),
      (e) => console.error("[sortie] stopping background jobs:", e instanceof Error ? e.message : e),
    );
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
}
