import "server-only";
import { env } from "@/lib/env";
import { postgresUrl } from "@/lib/db";
import { instanceName, jobDefinitions, type JobName } from "./definitions";
import { startBoss, type BossRunner } from "./boss";
import { startEmbedded, type EmbeddedRunner } from "./embedded";

type Runner = { kind: "pg-boss"; runner: BossRunner } | { kind: "embedded"; runner: EmbeddedRunner };

// One runner per process, on globalThis so hot reloads in development do not start a second one.
const g = globalThis as unknown as { __sortieJobs?: Promise<Runner> };

/**
 * Starts this instance's part of the background jobs: on Postgres a pg-boss worker (scheduling is
 * once per cluster whatever the number of instances); with embedded PGlite the in-process runner.
 * Called once at server start (instrumentation.ts).
 */
export function startJobs(): Promise<Runner> {
  g.__sortieJobs ??= (async (): Promise<Runner> => {
    const e = env();
    const definitions = jobDefinitions();
    const instance = instanceName();
    const url = postgresUrl();
    if (url) {
      const runner = await startBoss({ url, definitions, instance, work: e.SORTIE_JOBS ?? true });
      console.log(`[jobs] pg-boss ${e.SORTIE_JOBS === false ? "sender only" : "worker"} started on ${instance}`);
      return { kind: "pg-boss", runner };
    }
    const runner = startEmbedded({
      definitions,
      instance,
      // The analytics change consumer every few seconds (one pass per run); the rest every minute.
      intervalSeconds: (d) => (d.name === "analytics-maintenance" ? e.SORTIE_ROLLUP_REFRESH_SECONDS : d.name === "retention" ? 24 * 3600 : 60),
    });
    return { kind: "embedded", runner };
  })();
  return g.__sortieJobs;
}

/** Stop taking jobs; wait a little for running ones (an unfinished run is retried elsewhere). */
export async function stopJobs(timeoutMs = 10_000) {
  const started = g.__sortieJobs;
  g.__sortieJobs = undefined;
  if (!started) return;
  const r = await started.catch(() => null);
  if (r?.kind === "pg-boss") await r.runner.stop(timeoutMs);
  else if (r) await r.runner.stop();
}

export function jobsStarted(): Promise<Runner> | undefined {
  return g.__sortieJobs;
}

/** Sends an on-demand job; a given `id` is sent at most once (a second send is dropped). */
export async function sendJob(name: JobName, data: Record<string, unknown>, options: { id?: string } = {}) {
  const r = await startJobs();
  return r.runner.send(name, data, options);
}
