import "server-only";
import PgBoss from "pg-boss";
import type { JobDefinition } from "./definitions";

export interface BossRunner {
  boss: PgBoss;
  send(name: string, data: Record<string, unknown>, options?: { id?: string }): Promise<string | null>;
  /** Stops fetching new jobs, waits up to `timeoutMs` for running ones, then closes its connections. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Jobs on pg-boss, in the application's Postgres (schema `pgboss`). Every instance may schedule and
 * work: pg-boss's cron monitor sends each scheduled job once per minute slot for the whole cluster
 * (a singleton key per slot), and workers fetch with SKIP LOCKED, so each job runs on one instance.
 * A failed run is retried with exponential backoff; a run whose instance died expires and is retried.
 */
export async function startBoss({
  url,
  definitions,
  instance,
  work = true,
  pollingIntervalSeconds = 2,
  bossOptions = {},
}: {
  url: string;
  definitions: JobDefinition[];
  instance: string;
  /** false: this instance only sends jobs (SORTIE_JOBS=0); others run them. */
  work?: boolean;
  pollingIntervalSeconds?: number;
  /** pg-boss settings to override (tests shorten its monitor intervals). */
  bossOptions?: Partial<PgBoss.ConstructorOptions>;
}): Promise<BossRunner> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: `sortie-jobs ${instance}`.slice(0, 63),
    max: 3,
    schedule: work,
    supervise: work,
    // Failed and completed runs stay visible on the admin jobs page for a week.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    ...bossOptions,
  });
  boss.on("error", (e) => console.error(`[jobs] ${e.message}`));
  await boss.start();
  for (const d of definitions) {
    const options = {
      name: d.name,
      // Recurring jobs: at most one waiting and one running, so a slow run never piles up a backlog.
      policy: d.cron ? ("stately" as const) : ("standard" as const),
      retryLimit: d.retryLimit,
      retryDelay: d.retryDelay,
      retryBackoff: true,
      expireInSeconds: d.expireInSeconds,
    };
    if (await boss.getQueue(d.name)) await boss.updateQueue(d.name, options);
    else await boss.createQueue(d.name, options).catch(async (e) => {
      // Another instance created it between our check and our insert.
      if (!(await boss.getQueue(d.name))) throw e;
    });
  }
  if (work) {
    for (const d of definitions) {
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: "UTC" });
      else await boss.unschedule(d.name).catch(() => {});
      await boss.work<Record<string, unknown>>(d.name, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        try {
          return { instance, ...(await d.run(job.data ?? {})) };
        } catch (e) {
          // Name the instance in the failure shown to admins; pg-boss records the message and retries.
          const err = e instanceof Error ? e : new Error(String(e));
          err.message = `${err.message} (on ${instance})`;
          throw err;
        }
      });
    }
  }
  return {
    boss,
    send: (name, data, options = {}) => boss.send(name, data, options),
    stop: async (timeoutMs = 20_000) => {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
