import "server-only";
import os from "node:os";
import { env } from "@/lib/env";

/**
 * Every background job, once. The same definitions run on pg-boss (Postgres: once per cluster, with
 * retries and backoff) and in-process in the embedded PGlite demo (lib/jobs/embedded.ts), so a job's
 * code never depends on where it runs. Handlers must be safe to run again: a job whose instance died
 * mid-run is retried after it expires (at least once, never twice at the same time).
 */
export interface JobDefinition<D = Record<string, unknown>> {
  name: JobName;
  description: string;
  /** Cron (UTC) for recurring jobs; on-demand jobs are sent by a use case. */
  cron?: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled at each retry (backoff). */
  retryDelay: number;
  /** Seconds a run may take before it counts as lost (its instance died) and is retried. */
  expireInSeconds: number;
  run(data: D): Promise<Record<string, unknown>>;
}

export const JOB_NAMES = ["sweep-deadlines", "analytics-maintenance", "second-opinion", "ai-suggestions", "retention"] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Which instance ran a job: recorded in its output, shown on the admin jobs page. */
export function instanceName(): string {
  const e = env();
  return e.SORTIE_INSTANCE ?? `${e.HOSTNAME ?? os.hostname()}:${process.pid}`;
}

export function jobDefinitions(): JobDefinition[] {
  const e = env();
  return [
    {
      name: "sweep-deadlines",
      description: "Apply every passed deadline (auto-submit or expire); record attempts gone idle as abandoned",
      cron: "* * * * *",
      retryLimit: 3,
      retryDelay: 10,
      expireInSeconds: 120,
      run: async () => {
        const { sweepOpenAttempts } = await import("@/lib/attempts/abandon");
        return sweepOpenAttempts();
      },
    },
    {
      name: "analytics-maintenance",
      description: "Apply the logged analytics changes to the dashboards' aggregates (continuously, for 65 s per run)",
      // Scheduled every minute (stately: one queued, one running); each run keeps applying for 65 s so
      // figures follow writes within seconds. A run outlasts the minute, so the next one is already
      // queued when it ends and starts at once (a 55 s run left at least 5 s of every minute with nothing
      // applied). SORTIE_ROLLUP_REFRESH_SECONDS=0 turns it off.
      cron: e.SORTIE_ROLLUP_REFRESH_SECONDS > 0 ? "* * * * *" : undefined,
      retryLimit: 3,
      retryDelay: 10,
      // A run lasts ~65 s in short batches: a run whose instance died is given up after 2 minutes, so
      // the next one (stately: it waits for the active one) is not held up for long.
      expireInSeconds: 120,
      run: async () => {
        const { maintainAnalytics } = await import("@/lib/analytics/refresher");
        const { dbKind } = await import("@/lib/db");
        // The embedded demo's runner starts it every SORTIE_ROLLUP_REFRESH_SECONDS instead (one pass per run).
        if (dbKind() === "pglite") return maintainAnalytics();
        return maintainAnalytics({ forSeconds: 65, pauseSeconds: Math.min(Math.max(e.SORTIE_ROLLUP_REFRESH_SECONDS, 0.2), 5) });
      },
    },
    {
      name: "second-opinion",
      description: "Ask the configured AI endpoint for a second opinion on a submission (once per submission)",
      retryLimit: 4,
      retryDelay: 30,
      expireInSeconds: 5 * 60,
      run: async (data) => {
        const { recordSecondOpinion } = await import("@/lib/reviews/second-opinion");
        const opinion = await recordSecondOpinion({ progressId: String(data.progressId) });
        return { progress: String(data.progressId), stored: opinion !== null };
      },
    },
    {
      name: "ai-suggestions",
      description: "Ask the configured AI endpoint for a level and a remark per rubric criterion (once per submission version)",
      retryLimit: 4,
      retryDelay: 30,
      expireInSeconds: 5 * 60,
      run: async (data) => {
        const { recordAiSuggestions } = await import("@/lib/reviews/ai-suggestions");
        const r = await recordAiSuggestions({ progressId: String(data.progressId), version: Number(data.version) });
        return { progress: String(data.progressId), version: Number(data.version), ...r };
      },
    },
    {
      name: "retention",
      description: "Make telemetry's month partitions ahead; drop raw events older than SORTIE_EVENTS_RETENTION_DAYS that no figure reads",
      cron: "17 3 * * *",
      retryLimit: 2,
      retryDelay: 60,
      expireInSeconds: 30 * 60,
      // What is kept past the window: RAW_EVENT_READERS in lib/db/queries/telemetry-readers.ts.
      run: async () => {
        const { runRetention } = await import("@/lib/telemetry/retention");
        return runRetention();
      },
    },
  ];
}
