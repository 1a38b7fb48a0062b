import { z } from "zod";
import { defineContract } from "../contract";

// Maintenance jobs: jobRoute() also lets a scheduler in with the cron secret instead of a caller.
const T = "Jobs";
const WHO = "For an admin, or a scheduler sending `x-cron-secret: $SORTIE_CRON_SECRET`.";

export const sweepDeadlines = defineContract({
  method: "post",
  path: "/admin/jobs/sweep-deadlines",
  tag: T,
  summary: "Apply every passed deadline (auto-submit or expire); record open attempts idle for SORTIE_ABANDON_DAYS as abandoned",
  description: `${WHO} \`abandoned\` counts the \`mission.abandoned\` events recorded by this run (once per idle spell of an attempt).`,
  permission: "jobs:run",
  response: z.object({ checked: z.number(), auto_submitted: z.number(), expired: z.number(), abandoned: z.number().int() }),
  errors: [401, 403],
});

export const refreshAnalytics = defineContract({
  method: "post",
  path: "/admin/jobs/refresh-analytics",
  tag: T,
  summary: "Apply every logged analytics change to the aggregates now",
  description: `${WHO} The analytics-maintenance job applies them continuously (within seconds); dashboards never wait for it and state how fresh they are (\`as_of\`). \`changes_applied\` counts change-log rows consumed, \`attempts_applied\` the attempts whose figures were re-applied.`,
  permission: "jobs:run",
  response: z.object({ changes_applied: z.number().int(), attempts_applied: z.number().int() }),
  errors: [401, 403],
});

const run = z.object({
  id: z.string(),
  state: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  retry_count: z.number().int(),
  instance: z.string().nullable().describe("The instance that ran it (SORTIE_INSTANCE, or host:pid)"),
  error: z.string().nullable(),
});

export const overview = defineContract({
  method: "get",
  path: "/admin/jobs",
  tag: T,
  summary: "Background job queues with their schedule, counts by state, last run and latest failures",
  description:
    "Admins only. `runner` is `pg-boss` on Postgres (each job once per cluster, retried with backoff) or `embedded` in the single-process PGlite demo (this process's recent runs).",
  permission: "jobs:run",
  response: z.object({
    runner: z.enum(["pg-boss", "embedded"]),
    queues: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        schedule: z.string().nullable(),
        retry_limit: z.number().int(),
        counts: z.object({ created: z.number().int(), retry: z.number().int(), active: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
        last_run: run.nullable(),
        failures: z.array(run),
      }),
    ),
  }),
  errors: [401, 403],
});
