import { env } from "@/lib/env";
import { dbKind } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";

let done: Promise<void> | undefined;
// Shared with GET /api/ready through globalThis: instrumentation and route handlers are bundled apart.
const g = globalThis as unknown as { __sortieBootstrapping?: boolean };

/** True while this process migrates and seeds: /api/ready says "not ready" until the database can answer as the app expects. */
export const isBootstrapping = () => g.__sortieBootstrapping === true;

/** Migrate, then seed the demo when SORTIE_DEMO is on (default only in embedded mode). */
export function bootstrap(): Promise<void> {
  done ??= (async () => {
    g.__sortieBootstrapping = true;
    const started = Date.now();
    await runMigrations();
    const e = env();
    if (e.demo) {
      const { seedDemo } = await import("@/lib/demo/seed");
      await seedDemo().catch((err: { message?: string; fields?: Record<string, string> }) => {
        // Say exactly what is wrong with the demo content instead of a bare stack trace.
        console.error(`[sortie] demo seed failed: ${err.message}`);
        for (const [path, why] of Object.entries(err.fields ?? {})) console.error(`  ${path}: ${why}`);
        throw err;
      });
      // The demo's history is in the dashboards from the first page (later writes: the analytics job).
      const { applyChanges } = await import("@/lib/analytics/aggregates");
      await applyChanges(undefined, { batches: Number.MAX_SAFE_INTEGER });
    }
    g.__sortieBootstrapping = false;
    console.log(`[sortie] database ready (${dbKind()}${e.demo ? ", demo content" : ""}) in ${Date.now() - started} ms`);
    if (e.demo) {
      console.log("[sortie] demo sign-ins (password: sortie-demo): learner@demo.sortie.dev, mentor@demo.sortie.dev, admin@demo.sortie.dev, enterprise@demo.sortie.dev");
    }
  })();
  return done;
}
