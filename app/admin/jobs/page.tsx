import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { Badge, Card, EmptyState, PageHeader, type Tone } from "@/components/ui";
import { DataTable } from "@/components/analytics/parts";
import { jobsOverview } from "@/lib/jobs/overview";

export const metadata: Metadata = { title: "Background jobs" };

const STATE_TONE: Record<string, Tone> = { completed: "green", failed: "red", active: "blue", retry: "amber", created: "slate" };
const when = (d: string | null) => (d ? new Date(d).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC" : "—");

export default async function Page() {
  await requireRole("admin");
  const o = await jobsOverview();
  return (
    <>
      <PageHeader
        title="Background jobs"
        description={
          o.runner === "pg-boss"
            ? "Queues in Postgres (pg-boss): each job runs once for the whole cluster, on whichever instance takes it, and a failed run is retried with backoff."
            : "Embedded demo: jobs run inside this one process (PGlite). With DATABASE_URL they run on a Postgres queue, once per cluster."
        }
      />
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Queues</h2>
          <DataTable
            caption="Queues with their schedule, waiting, running, completed and failed runs, and the last run"
            head={["Job", "Schedule (UTC)", "Waiting", "Running", "Completed", "Failed", "Last run"]}
            numeric={[2, 3, 4, 5]}
            rows={o.queues.map((q) => [
              <span key="n">
                <span className="font-medium">{q.name}</span>
                <span className="block text-xs text-slate-500">{q.description}</span>
              </span>,
              q.schedule ?? "on demand",
              q.counts.created + q.counts.retry,
              q.counts.active,
              q.counts.completed,
              q.counts.failed,
              q.last_run ? (
                <span key="l">
                  <Badge tone={STATE_TONE[q.last_run.state] ?? "slate"}>{q.last_run.state}</Badge>{" "}
                  {when(q.last_run.completed_at ?? q.last_run.started_at)}
                  {q.last_run.instance && <span className="block text-xs text-slate-500">on {q.last_run.instance}</span>}
                </span>
              ) : (
                "never"
              ),
            ])}
          />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Recent failures</h2>
          {o.queues.some((q) => q.failures.length) ? (
            <DataTable
              caption="Recent failures per job"
              head={["Job", "When", "Attempt", "Error"]}
              numeric={[2]}
              rows={o.queues.flatMap((q) =>
                q.failures.map((f) => [q.name, when(f.completed_at ?? f.started_at), `${f.retry_count + 1} of ${q.retry_limit + 1}`, f.error ?? "—"]),
              )}
            />
          ) : (
            <EmptyState title="No failures">Every job run recorded so far succeeded.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
