import { requireRole } from "@/lib/auth/session";
import { missionFilterOptions, reviewQueue } from "@/lib/reviews/queue";
import { queueQuerySchema } from "@/lib/api/contracts/reviews";
import { Alert, PageHeader } from "@/components/ui";
import { FilterSelect, TierFilter, TrackFilter } from "@/components/ui/filter-select";
import { DeniedNotice } from "@/components/shell/denied-notice";
import { QueryProvider } from "@/components/providers/query-provider";
import { ReviewQueue } from "@/components/review/review-queue";
import { ReviewTabs } from "@/components/review/review-tabs";

export const metadata = { title: "Review queue" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("mentor", "admin");
  const sp = await searchParams;
  const raw = Object.fromEntries(Object.entries(sp).filter(([k, v]) => ["mission", "track", "tier"].includes(k) && typeof v === "string" && v));
  const parsed = queueQuerySchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const items = await reviewQueue({ caller, filters });
  const missionOptions = await missionFilterOptions();
  const reviewed = typeof sp.reviewed === "string" ? sp.reviewed : null;
  const held = sp.held === "second_marking" || sp.held === "moderation" ? sp.held : null;
  return (
    <>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title="Review queue" description="Submissions from your learners, oldest first. Open one to score it with the rubric." />
      <ReviewTabs current="queue" />
      {reviewed && !held && (
        <Alert tone="green" title="Review saved" className="mb-4">
          The learner can now see your feedback.
        </Alert>
      )}
      {reviewed && held && (
        <Alert tone="blue" title="Marks saved, held for double-marking" className="mb-4">
          {held === "moderation"
            ? "Your marks and the first mentor's differ by more than the threshold: a moderator picks the final marks, then the learner sees the review."
            : "This submission was sampled for double-marking: a second mentor marks it blind, then the learner sees the final review."}
        </Alert>
      )}
      {!parsed.success && (
        <Alert tone="amber" className="mb-4">
          Some filters were not valid and were ignored.
        </Alert>
      )}
      <form method="get" className="mb-5 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" aria-label="Filter the queue">
        <FilterSelect name="mission" label="Mission" anyLabel="All missions" value={filters.mission} options={missionOptions.map((m) => ({ value: m.code, label: `${m.code} · ${m.title}` }))} />
        <TrackFilter value={filters.track} />
        <TierFilter value={filters.tier} />
        <div className="flex gap-2">
          <button type="submit" className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
          <a href="/review" className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">Clear</a>
        </div>
      </form>
      <QueryProvider>
        <ReviewQueue initial={items} filters={filters} renderedAt={Date.now()} />
      </QueryProvider>
    </>
  );
}
