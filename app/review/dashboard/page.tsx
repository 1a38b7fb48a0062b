import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { mentorDashboard } from "@/lib/reviews/dashboard";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui";
import { DataTable } from "@/components/analytics/parts";
import { formatDuration } from "@/lib/labels";
import { ReviewTabs } from "@/components/review/review-tabs";

export const metadata = { title: "Mentor dashboard" };

const ago = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds * 1000));
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export default async function Page() {
  const caller = await requireRole("mentor", "admin");
  const d = await mentorDashboard({ caller });
  const mine = caller.role === "mentor";
  return (
    <>
      <PageHeader title="Mentor dashboard" description={mine ? "Your learners: what waits for you, who was asked for changes, which assignments are overdue." : "Every mentor's load, and what waits across the platform."} />
      <ReviewTabs current="dashboard" />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Waiting for review" value={String(d.waiting.length)} />
        <Stat label={`Over the ${d.sla_hours} h SLA`} value={String(d.over_sla)} hint={d.over_sla ? "Oldest first in the queue" : "All within the SLA"} />
        <Stat label="Changes requested" value={String(d.changes_requested.length)} hint="Learners reworking an attempt" />
        <Stat label="Overdue assignments" value={String(d.overdue_assignments.length)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <h2 className="font-semibold text-slate-900">Waiting, against the SLA</h2>
          {d.waiting.length === 0 ? (
            <EmptyState title="Nothing waiting">New submissions from your learners appear here and in the queue.</EmptyState>
          ) : (
            <DataTable
              caption="Submissions waiting for review, oldest first"
              head={["Learner", "Mission", "Waiting"]}
              rows={d.waiting.map((w) => [
                w.learner.name,
                <Link key="m" href={`/review/${w.progress_id}`} className="text-brand-700 underline">{w.mission.code}</Link>,
                // The verdict sits with the time, so a phone shows both without scrolling sideways.
                <span key="w" className="whitespace-nowrap">{ago(w.waiting_seconds)} {w.over_sla ? <Badge tone="red">over SLA</Badge> : <Badge tone="green">on time</Badge>}</span>,
              ])}
            />
          )}
        </Card>
        <Card className="min-w-0">
          <h2 className="font-semibold text-slate-900">{mine ? "Your workload" : "Workload per mentor"}</h2>
          {d.workload.length === 0 ? (
            <EmptyState title="No mentors yet">Assign mentors to cohorts or learners in Users &amp; cohorts.</EmptyState>
          ) : (
            <DataTable
              caption="Waiting submissions, oldest wait and reviews written in the last 7 days, per mentor"
              head={["Mentor", "Waiting", "Oldest wait", "Reviews (7 days)"]}
              numeric={[1, 3]}
              rows={d.workload.map((w) => [w.mentor.name, w.waiting, ago(w.oldest_waiting_seconds), w.reviews_last_7_days])}
            />
          )}
        </Card>
        <Card className="min-w-0">
          <h2 className="font-semibold text-slate-900">Learners asked for changes</h2>
          {d.changes_requested.length === 0 ? (
            <EmptyState title="No one is reworking">When you request changes, the learner shows here until they resubmit.</EmptyState>
          ) : (
            <DataTable caption="Attempts with changes requested" head={["Learner", "Mission", "Since"]} rows={d.changes_requested.map((c) => [c.learner.name, `${c.mission.code} · ${c.mission.title}`, day(c.since)])} />
          )}
        </Card>
        <Card className="min-w-0">
          <h2 className="font-semibold text-slate-900">Overdue assignments</h2>
          {d.overdue_assignments.length === 0 ? (
            <EmptyState title="Nothing overdue">Assignments past their due date that not everyone has handed in show here.</EmptyState>
          ) : (
            <DataTable
              caption="Assignments past their due date"
              head={["Mission", "For", "Due", "Handed in"]}
              rows={d.overdue_assignments.map((a) => [a.mission.code, a.cohort?.name ?? a.learner?.name ?? "—", day(a.due_at), "targets" in a ? `${a.done} of ${a.targets}` : "—"])}
            />
          )}
        </Card>
      </div>
    </>
  );
}
