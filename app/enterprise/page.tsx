import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { Suspense } from "react";
import type { Caller } from "@/lib/auth/session";
import { Card, EmptyState, PageHeader, Skeleton } from "@/components/ui";
import { DeniedNotice } from "@/components/shell/denied-notice";
import { listCohorts } from "@/lib/analytics/cohort";
import { pct } from "@/lib/analytics/math";

export const metadata: Metadata = { title: "Cohorts" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("enterprise", "admin");
  return (
    <>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader
        title="Cohorts"
        description={caller.role === "admin" ? "Every organisation's cohorts." : "Your organisation's cohorts: open one for members, progress, skills and learners who need attention."}
      />
      <Suspense
        fallback={
          <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
          </div>
        }
      >
        <CohortList caller={caller} />
      </Suspense>
    </>
  );
}

async function CohortList({ caller }: { caller: Caller }) {
  const cohorts = await listCohorts({ caller });
  return (
    <>
      {cohorts.length === 0 ? (
        <EmptyState title="No cohorts yet">Your organisation has no cohorts. Ask your Sortie administrator to create one and add your learners.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {cohorts.map((c) => (
            <li key={c.id}>
              <Card className="h-full">
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{c.organisation}</p>
                <h2 className="mt-1 text-lg font-semibold">
                  <Link href={`/enterprise/cohorts/${c.slug}`} className="text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </h2>
                {c.starts_on && <p className="text-sm text-slate-600">Started {new Date(c.starts_on).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</p>}
                <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
                  <div className="rounded-lg bg-slate-50 p-2">
                    <dt className="text-xs text-slate-500">Members</dt>
                    <dd className="text-lg font-semibold">{c.members}</dd>
                  </div>
                  <div className="rounded-lg bg-slate-50 p-2">
                    <dt className="text-xs text-slate-500">Active</dt>
                    <dd className="text-lg font-semibold">{c.active_learners}</dd>
                  </div>
                  <div className="rounded-lg bg-slate-50 p-2">
                    <dt className="text-xs text-slate-500">Completion</dt>
                    <dd className="text-lg font-semibold">{pct(c.completion_rate)}</dd>
                  </div>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
