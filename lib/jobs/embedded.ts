import "server-only";
import type { JobDefinition } from "./definitions";

export interface RunRecord {
  id: string;
  name: string;
  state: "active" | "completed" | "failed";
  startedAt: Date;
  completedAt: Date | null;
  retryCount: number;
  output: Record<string, unknown> | null;
}

export interface EmbeddedRunner {
  send(name: string, data: Record<string, unknown>, options?: { id?: string }): Promise<string | null>;
  history(): RunRecord[];
  stop(): Promise<void>;
}

/**
 * The embedded PGlite demo only: one process owns the database (PGlite is in-process and has no
 * lock across processes), so pg-boss cannot run and there is no cluster to run jobs once for. The
 * same definitions run here on in-process timers, with the same retries and backoff, and the admin
 * jobs page reads this process's recent runs. Never used when DATABASE_URL is set.
 */
export function startEmbedded({ definitions, instance, intervalSeconds }: { definitions: JobDefinition[]; instance: string; intervalSeconds: (d: JobDefinition) => number }): EmbeddedRunner {
  const runs: RunRecord[] = [];
  const seen = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let seq = 0;

  const execute = (d: JobDefinition, data: Record<string, unknown>, id: string, attempt = 0): Promise<void> => {
    const rec: RunRecord = { id, name: d.name, state: "active", startedAt: new Date(), completedAt: null, retryCount: attempt, output: null };
    runs.unshift(rec);
    runs.length = Math.min(runs.length, 200);
    return d
      .run(data)
      .then((out) => {
        Object.assign(rec, { state: "completed", completedAt: new Date(), output: { instance, ...out } });
      })
      .catch((e: unknown) => {
        Object.assign(rec, { state: "failed", completedAt: new Date(), output: { message: `${e instanceof Error ? e.message : String(e)} (on ${instance})` } });
        if (attempt < d.retryLimit && !stopped) {
          const t = setTimeout(() => void execute(d, data, id, attempt + 1), d.retryDelay * 1000 * 2 ** attempt);
          t.unref();
        }
      });
  };

  const tick = (d: JobDefinition) => {
    // One run at a time per job, as the stately queues do on pg-boss.
    if (stopped || running.has(d.name)) return;
    const p = execute(d, {}, `${d.name}-${++seq}`).finally(() => running.delete(d.name));
    running.set(d.name, p);
  };

  for (const d of definitions) {
    const seconds = d.cron ? intervalSeconds(d) : 0;
    if (seconds <= 0) continue;
    const t = setInterval(() => tick(d), seconds * 1000);
    t.unref();
    timers.push(t);
  }

  return {
    async send(name, data, options = {}) {
      const d = definitions.find((x) => x.name === name);
      if (!d || stopped) return null;
      const id = options.id ?? `${name}-${++seq}`;
      // Same as pg-boss with a job id: a second send of the same id is dropped.
      if (seen.has(`${name}:${id}`)) return null;
      seen.add(`${name}:${id}`);
      void execute(d, data, id);
      return id;
    },
    history: () => runs.slice(),
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled(running.values());
    },
  };
}
