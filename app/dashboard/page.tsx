import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listCatalogue } from "@/lib/catalogue/list";
import { foundationsFor } from "@/lib/db/queries/foundations";
import { Alert, ButtonLink, PageHeader } from "@/components/ui";
import { DeniedNotice } from "@/components/shell/denied-notice";
import { ReviewNotifications } from "@/components/review/review-notifications";
import { MissionBoard } from "@/components/missions/mission-board";
import { MissionCard } from "@/components/missions/mission-card";
import { MissionFilters } from "@/components/missions/mission-filters";
import { filtersFrom } from "@/components/missions/filters";
import { ProgressBar } from "@/components/missions/progress-bar";

export const metadata = { title: "Mission dashboard" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("learner");
  const { filters, invalid } = filtersFrom(await searchParams);
  const [catalogue, foundations] = await Promise.all([listCatalogue({ caller, filters }), foundationsFor({ userId: caller.id })]);
  const filtered = Boolean(filters.q || filters.track || filters.tier || filters.status);
  const upNext = catalogue.missions.filter((m) => (m.assigned && m.state !== "approved") || ["in_progress", "changes_requested", "submitted", "in_review"].includes(m.state));
  return (
    <>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader
        title="Mission dashboard"
        description="Your missions by track and tier. Assigned and in-progress missions come first; locked ones say what opens them."
        actions={<ButtonLink href="/foundations" variant="secondary">Foundations & tracks</ButtonLink>}
      />
      <ReviewNotifications userId={caller.id} />
      {!foundations.complete && (
        <Alert tone="amber" title="Start with Foundations" className="mb-6">
          <p>Beginner missions unlock when you finish the {foundations.total} Foundations modules ({foundations.completed} done).</p>
          <div className="mt-2 max-w-md"><ProgressBar value={foundations.completed} max={foundations.total} label="Foundations progress" /></div>
          <Link href="/foundations" className="mt-2 inline-block font-medium underline">Continue Foundations</Link>
        </Alert>
      )}
      {catalogue.enrolled_tracks.length === 0 && foundations.complete && (
        <Alert tone="blue" className="mb-6">
          You are not enrolled in a track yet. <Link href="/foundations#tracks" className="font-medium underline">Choose your tracks</Link> — every mission stays visible either way.
        </Alert>
      )}
      {invalid && <Alert tone="amber" className="mb-4">Some filters were not valid and were ignored.</Alert>}
      <MissionFilters action="/dashboard" filters={filters} />
      {!filtered && upNext.length > 0 && (
        <section aria-labelledby="up-next" className="mb-10">
          <h2 id="up-next" className="text-xl font-semibold text-slate-900">Assigned and in progress</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {upNext.map((m) => <MissionCard key={m.id} m={m} />)}
          </ul>
        </section>
      )}
      {filtered && <p className="mb-4 text-sm text-slate-600" role="status">{catalogue.missions.length} mission{catalogue.missions.length === 1 ? "" : "s"} found.</p>}
      <MissionBoard items={catalogue.missions} enrolled={catalogue.enrolled_tracks} />
    </>
  );
}
