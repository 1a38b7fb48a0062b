import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { Badge, ButtonLink, PageHeader, Stat } from "@/components/ui";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui";
import type { Caller } from "@/lib/auth/session";
import { cohortDashboard, findVisibleCohort } from "@/lib/analytics/cohort";
import { AsOf } from "@/components/analytics/as-of";
import { pct } from "@/lib/analytics/math";
import { ColumnChart } from "@/components/analytics/lazy-charts";
import { DataTable, NoData, Section, TableToggle } from "@/components/analytics/parts";
import { tierLabel } from "@/lib/labels";

export const metadata: Metadata = { title: "Cohort dashboard" };

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "never");
const REASON: Record<string, string> = { inactive_14_days: "No activity in 14 days", missed_deadline: "Missed a deadline" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireRole("enterprise", "admin");
  const { id } = await params;
  // Visibility first, outside any Suspense boundary, so another organisation's cohort is a real 404.
  let cohort;
  try {
    cohort = await findVisibleCohort({ caller, cohort: decodeURIComponent(id) });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  return (
    <Suspense fallback={<DashboardSkeleton />}>
      <Dashboard caller={caller} cohort={cohort.id} />
    </Suspense>
  );
}

function DashboardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the cohort dashboard">
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-5 w-48" />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}

async function Dashboard({ caller, cohort }: { caller: Caller; cohort: string }) {
  const d = await cohortDashboard({ caller, cohort });
  const tiers = Object.entries(d.missions_completed_by_tier);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/enterprise" className="text-brand-700 hover:underline">← All cohorts</Link>
      </p>
      <PageHeader
        title={d.cohort.name}
        description={`${d.cohort.organisation}${d.cohort.starts_on ? ` · started ${day(d.cohort.starts_on)}` : ""}`}
        actions={
          <ButtonLink href={`/api/v1/enterprise/cohorts/${d.cohort.slug}/dashboard?format=csv`} variant="secondary" prefetch={false} download>
            Export CSV
          </ButtonLink>
        }
      />
      <div className="mb-2">
        <AsOf at={d.as_of} />
      </div>
      <section aria-label="Key figures" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Members" value={d.members} />
        <Stat label="Active learners" value={d.active_learners} hint="activity in the last 14 days" />
        <Stat label="Completion rate" value={pct(d.completion_rate)} hint={`${d.attempts} attempts`} />
        <Stat label="Pass rate" value={pct(d.pass_rate)} />
        <Stat label="Mean score" value={d.mean_score ?? "—"} />
        <Stat label="At risk" value={d.learners_at_risk.length} hint={`${d.overdue_assignments.length} overdue assignments`} />
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <Section title="Missions completed by tier" description="Approved missions, counted once per learner and mission.">
          {tiers.some(([, n]) => n > 0) ? (
            <>
              <ColumnChart data={tiers.map(([tier, n]) => ({ name: tierLabel(tier), value: n }))} unit="missions" />
              <TableToggle>
                <DataTable caption="Missions completed by tier" head={["Tier", "Missions completed"]} numeric={[1]} rows={tiers.map(([t, n]) => [tierLabel(t), n])} />
              </TableToggle>
            </>
          ) : (
            <NoData>No missions approved yet.</NoData>
          )}
        </Section>
        <Section title="Skill mastery" description="Mean share of rubric points earned per skill, from mentors' latest reviews.">
          {d.skill_mastery.length ? (
            <ul className="space-y-2">
              {d.skill_mastery.map((s) => (
                <li key={s.skill}>
                  <div className="flex justify-between text-sm">
                    <span>{s.skill}</span>
                    <span className="tabular-nums text-slate-700">
                      {pct(s.mastery)} <span className="text-xs text-slate-500">({s.learners} {s.learners === 1 ? "learner" : "learners"})</span>
                    </span>
                  </div>
                  <div className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                    <div className={`h-full rounded-full ${s.mastery < 0.5 ? "bg-amber-500" : "bg-green-600"}`} style={{ width: `${Math.round(s.mastery * 100)}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <NoData>No reviewed missions yet: mastery appears after mentors score submissions.</NoData>
          )}
        </Section>
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Section title="Learners at risk" description="No activity in 14 days, or a missed deadline.">
          {d.learners_at_risk.length ? (
            <DataTable
              caption="Learners at risk"
              head={["Learner", "Last activity", "Why"]}
              rows={d.learners_at_risk.map((l) => [
                l.name,
                day(l.last_activity_at),
                <span key="r" className="flex flex-wrap gap-1">
                  {l.reasons.map((r) => (
                    <Badge key={r} tone={r === "missed_deadline" ? "red" : "amber"}>{REASON[r] ?? r}</Badge>
                  ))}
                </span>,
              ])}
            />
          ) : (
            <NoData>Nobody is at risk right now.</NoData>
          )}
        </Section>
        <Section title="Assignments" description="Missions assigned to this cohort or its members, with how many finished on time.">
          {d.assignments.length ? (
            <DataTable
              caption="Assignments"
              head={["Mission", "For", "Due", "Done", ""]}
              numeric={[3]}
              rows={d.assignments.map((a) => [
                `${a.mission} — ${a.mission_title}`,
                a.learner ? a.learner.name : "Whole cohort",
                a.due_at ? day(a.due_at) : "no due date",
                `${a.done} / ${a.targets}`,
                a.overdue ? <Badge key="o" tone="red">Overdue</Badge> : "",
              ])}
            />
          ) : (
            <NoData>No missions assigned to this cohort yet.</NoData>
          )}
        </Section>
      </div>

      <div className="mt-6">
        <Section title="Members" description="Each member's attempts, results and last activity.">
          {d.learners.length ? (
            <DataTable
              caption="Members"
              head={["Name", "Attempts", "Submitted", "Approved", "Mean score", "Last activity", "Status"]}
              numeric={[1, 2, 3, 4]}
              rows={d.learners.map((l) => [
                <span key="n">
                  {l.name}
                  <span className="block text-xs text-slate-500">{l.email}</span>
                </span>,
                l.attempts,
                l.submitted,
                l.approved,
                l.mean_score ?? "—",
                day(l.last_activity_at),
                l.at_risk ? <Badge key="s" tone="amber">At risk</Badge> : <Badge key="s" tone="green">On track</Badge>,
              ])}
            />
          ) : (
            <NoData>No members yet.</NoData>
          )}
        </Section>
      </div>
    </>
  );
}
