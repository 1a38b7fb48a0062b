"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { QueueItem } from "@/lib/reviews/queue";
import { Badge, EmptyState } from "@/components/ui";
import { waitingText } from "./format";
import { tierLabel, trackLabel } from "@/lib/labels";

interface Filters {
  mission?: string;
  track?: string;
  tier?: string;
}

async function fetchQueue(filters: Filters): Promise<QueueItem[]> {
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const res = await fetch(`/api/v1/reviews/queue?${qs}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`Queue request failed (${res.status})`);
  return ((await res.json()) as { items: QueueItem[] }).items;
}

function prescoreTone(p: number | null) {
  if (p === null) return "slate" as const;
  return p >= 75 ? ("green" as const) : p >= 50 ? ("amber" as const) : ("red" as const);
}

/** The live review queue: server-rendered first, then refreshed every 15 s with React Query. */
export function ReviewQueue({ initial, filters, renderedAt }: { initial: QueueItem[]; filters: Filters; renderedAt: number }) {
  const q = useQuery({
    queryKey: ["review-queue", filters],
    queryFn: () => fetchQueue(filters),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: 15_000,
  });
  const items = q.data ?? [];
  const filtered = Boolean(filters.mission || filters.track || filters.tier);
  return (
    <section aria-labelledby="queue-heading">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Waiting for review <span className="text-slate-500">({items.length})</span>
        </h2>
        <p className="text-xs text-slate-500" aria-live="polite">
          {q.isError ? (
            <span className="text-red-700">Could not refresh; showing the last list.</span>
          ) : (
            <>Live: refreshes every 15 s{q.isFetching ? " · refreshing…" : ` · updated ${new Date(q.dataUpdatedAt).toLocaleTimeString()}`}</>
          )}
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState title={filtered ? "Nothing matches these filters" : "The queue is empty"}>
          {filtered ? "Clear the filters to see every submission waiting for you." : "New submissions from your learners appear here within 15 seconds."}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label="Submissions, oldest first">
          {items.map((it) => (
            <li key={it.progress_id} className="grid gap-2 px-4 py-3 sm:grid-cols-[1fr_auto] sm:items-center">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  <Link href={`/review/${it.progress_id}`} className="hover:underline">
                    <span className="font-mono text-sm text-slate-600">{it.mission.code}</span> {it.mission.title}
                  </Link>
                </p>
                <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
                  <span>{it.learner.name}</span>
                  <Badge tone="blue">{trackLabel(it.mission.track)}</Badge>
                  <Badge tone="purple">{tierLabel(it.mission.tier)}</Badge>
                  {it.attempt > 1 && <span>attempt {it.attempt}</span>}
                  {it.state === "in_review" && !it.moderation && <Badge tone="amber">In review</Badge>}
                  {it.moderation === "second_marking" && <Badge tone="purple">Double-marked: second blind mark</Badge>}
                  {it.moderation === "moderation" && <Badge tone="red">Marks differ: awaiting moderator</Badge>}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm sm:justify-end">
                <span title={it.submitted_at ?? undefined}>
                  <span className="text-slate-500">Waiting </span>
                  <span className="font-medium">{waitingText(it.waiting_seconds)}</span>
                </span>
                <Badge tone={prescoreTone(it.prescore)}>Pre-score {it.prescore === null ? "—" : it.prescore.toFixed(1)}</Badge>
                <Link
                  href={it.moderation === "moderation" ? `/review/${it.progress_id}/moderate` : `/review/${it.progress_id}`}
                  className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700"
                  aria-label={`${it.moderation === "moderation" ? "Moderate" : "Review"} ${it.mission.code} by ${it.learner.name}`}
                >
                  {it.moderation === "moderation" ? "Moderate" : "Review"}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
