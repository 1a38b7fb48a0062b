import "server-only";
import { jobSchedules, jobStateCounts, recentJobRuns, type JobRunRow } from "@/lib/db/queries/jobs";
import { JOB_NAMES, jobDefinitions } from "./definitions";
import { jobsStarted } from "./index";
import type { RunRecord } from "./embedded";

export interface JobRun {
  id: string;
  state: string;
  started_at: string | null;
  completed_at: string | null;
  retry_count: number;
  instance: string | null;
  error: string | null;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

function toRun(r: JobRunRow | RunRecord): JobRun {
  const row = r as Partial<JobRunRow & RunRecord>;
  const out = (r.output ?? {}) as { instance?: unknown; message?: unknown };
  return {
    id: r.id,
    state: r.state,
    started_at: iso(row.started_on ?? row.startedAt ?? null),
    completed_at: iso(row.completed_on ?? row.completedAt ?? null),
    retry_count: row.retry_count ?? row.retryCount ?? 0,
    instance: typeof out.instance === "string" ? out.instance : null,
    error: r.state === "completed" ? null : typeof out.message === "string" ? out.message : null,
  };
}

/** Queues, their schedule, counts by state, the last run and the latest failures: the admin jobs page and API. */
export async function jobsOverview() {
  const started = await jobsStarted()?.catch(() => null);
  const definitions = jobDefinitions();
  const embedded = started?.kind === "embedded" ? started.runner.history() : null;
  const [counts, recent, schedules] = embedded
    ? [[], { last: [], failed: [] }, []]
    : await Promise.all([jobStateCounts({ names: JOB_NAMES }), recentJobRuns({ names: JOB_NAMES }), jobSchedules()]);
  return {
    runner: embedded ? ("embedded" as const) : ("pg-boss" as const),
    queues: definitions.map((d) => {
      const state = (s: string) =>
        embedded ? embedded.filter((r) => r.name === d.name && r.state === s).length : (counts.find((c) => c.name === d.name && c.state === s)?.n ?? 0);
      const last = embedded ? embedded.find((r) => r.name === d.name && r.state !== "active") : recent.last.find((r) => r.name === d.name);
      const failures = embedded ? embedded.filter((r) => r.name === d.name && r.state === "failed").slice(0, 5) : recent.failed.filter((r) => r.name === d.name);
      return {
        name: d.name,
        description: d.description,
        schedule: embedded ? (d.cron ?? null) : (schedules.find((s) => s.name === d.name)?.cron ?? null),
        retry_limit: d.retryLimit,
        counts: { created: state("created"), retry: state("retry"), active: state("active"), completed: state("completed"), failed: state("failed") },
        last_run: last ? toRun(last) : null,
        failures: failures.map(toRun),
      };
    }),
  };
}
