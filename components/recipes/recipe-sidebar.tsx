"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryProvider } from "@/components/providers/query-provider";
import dynamic from "next/dynamic";
import { Badge, Button, Skeleton } from "@/components/ui";
import { Drawer } from "./recipe-dialog";
import { CopyButton } from "./copy-button";

// The markdown renderer (react-markdown, remark, rehype: about 56 KiB gzipped) is only needed once
// a recipe is opened in the drawer, so the stage page, where learners live, does not load it up front.
const Markdown = dynamic(() => import("@/components/ui/markdown").then((m) => m.Markdown), { loading: () => <Skeleton className="h-12" /> });

/**
 * The recipe sidebar inside the mission stage player: top recommendations for the current stage,
 * each with its reasons; a recipe opens in a drawer without leaving the stage; "Mark as used"
 * records which stage it helped (POST /recipes/{slug}/progress, marked_used). The list is keyed
 * by stage, so it refreshes when the learner moves on.
 * Interface agreed with the mission player: { missionId, missionCode, progressId, stage }.
 */
export function RecipeSidebar(props: { missionId: string; missionCode: string; progressId: string | null; stage: string }) {
  // Its own QueryClient: works whether or not the page already provides one.
  return (
    <QueryProvider>
      <Sidebar {...props} />
    </QueryProvider>
  );
}

interface Recommendation {
  slug: string;
  title: string;
  summary: string;
  difficulty: string;
  estimated_minutes: number;
  reasons: string[];
  completed: boolean;
  prerequisite_of: string | null;
}

interface RecipeJson {
  slug: string;
  title: string;
  summary: string;
  description: string;
  estimated_minutes: number;
  difficulty: string;
  steps: { step: number; title: string; body: string; command: string | null; expected_outcome: string; evidence_hint: string | null }[];
  validation_checks: string[];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

function Sidebar({ missionCode, stage }: { missionId: string; missionCode: string; progressId: string | null; stage: string }) {
  const [openSlug, setOpenSlug] = useState<string | null>(null);
  const [usedHere, setUsedHere] = useState<Record<string, boolean>>({});
  const qc = useQueryClient();
  const recs = useQuery({
    queryKey: ["recipe-recommendations", missionCode, stage],
    queryFn: () => getJson<{ items: Recommendation[] }>(`/api/v1/recipes/recommendations?mission=${encodeURIComponent(missionCode)}&stage=${encodeURIComponent(stage)}&limit=4`),
  });
  const detail = useQuery({
    queryKey: ["recipe", openSlug],
    queryFn: () => getJson<RecipeJson>(`/api/v1/recipes/${openSlug}`),
    enabled: openSlug !== null,
  });
  const markUsed = useMutation({
    mutationFn: async (slug: string) => {
      const res = await fetch(`/api/v1/recipes/${slug}/progress`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: "marked_used", mission: missionCode, stage }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? "Could not record it. Try again.");
      return slug;
    },
    onSuccess: (slug) => {
      setUsedHere((u) => ({ ...u, [`${stage}:${slug}`]: true }));
      qc.invalidateQueries({ queryKey: ["recipe-recommendations", missionCode] });
    },
  });
  const close = useCallback(() => setOpenSlug(null), []);
  const open = recs.data?.items.find((r) => r.slug === openSlug);
  const isUsed = (slug: string) => Boolean(usedHere[`${stage}:${slug}`]);

  return (
    <section aria-labelledby="recipe-sidebar-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="recipe-sidebar-title" className="text-base font-semibold text-slate-900">Recipes for this stage</h2>
      <p className="mt-0.5 text-xs text-slate-500">Picked for where you are, with the reasons why.</p>
      {recs.isPending ? (
        <div aria-busy="true" aria-label="Loading recipes" className="mt-3 space-y-3">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      ) : recs.isError ? (
        <div role="alert" className="mt-3 text-sm text-red-700">
          Recipes could not be loaded. <button type="button" className="underline" onClick={() => recs.refetch()}>Try again</button>
        </div>
      ) : recs.data.items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          No recipe matches this stage yet. <Link className="text-brand-700 underline" href="/recipes">Browse the library</Link>
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {recs.data.items.map((r) => (
            <li key={r.slug} className="rounded-lg border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <button type="button" onClick={() => setOpenSlug(r.slug)} className="text-left text-sm font-semibold text-brand-700 underline" aria-haspopup="dialog">
                  {r.title}
                </button>
                {r.completed && <Badge tone="green">Done</Badge>}
                {isUsed(r.slug) && <Badge tone="blue">Used here</Badge>}
              </div>
              <p className="text-xs text-slate-500">{r.estimated_minutes} min · <span className="capitalize">{r.difficulty}</span></p>
              <ul aria-label={`Why ${r.title}`} className="mt-1 space-y-0.5 text-xs text-slate-700">
                {r.reasons.map((reason) => <li key={reason}>• {reason}</li>)}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <Drawer
        open={openSlug !== null}
        onClose={close}
        title={detail.data?.title ?? open?.title ?? "Recipe"}
        footer={
          openSlug && (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <Link href={`/recipes/${openSlug}`} className="text-sm text-brand-700 underline" target="_blank" rel="noopener">Open full page</Link>
              <div className="flex items-center gap-3">
                <span role="status" aria-live="polite" className="text-sm">
                  {markUsed.isError ? <span className="text-red-700">{markUsed.error.message}</span> : isUsed(openSlug) ? <span className="text-green-800">Recorded for this stage.</span> : ""}
                </span>
                <Button type="button" onClick={() => markUsed.mutate(openSlug)} disabled={markUsed.isPending || isUsed(openSlug)}>
                  {isUsed(openSlug) ? "Marked as used" : markUsed.isPending ? "Saving…" : "Mark as used"}
                </Button>
              </div>
            </div>
          )
        }
      >
        {open && open.reasons.length > 0 && (
          <div className="mb-4 rounded-lg bg-brand-50 p-3 text-sm text-slate-800">
            <p className="font-medium">Why this recipe</p>
            <ul className="mt-1 list-disc pl-5">{open.reasons.map((x) => <li key={x}>{x}</li>)}</ul>
          </div>
        )}
        {detail.isPending ? (
          <div aria-busy="true" aria-label="Loading recipe" className="space-y-3">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        ) : detail.isError ? (
          <p role="alert" className="text-sm text-red-700">{detail.error.message}</p>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-700">{detail.data.summary}</p>
            <ol className="space-y-3">
              {detail.data.steps.map((s) => (
                <li key={s.step} className="rounded-lg border border-slate-200 p-3">
                  <h3 className="text-sm font-semibold">Step {s.step}: {s.title}</h3>
                  <Markdown className="prose-sortie text-sm">{s.body}</Markdown>
                  {s.command && (
                    <div className="my-2 overflow-hidden rounded-md bg-slate-900">
                      <div className="flex justify-end border-b border-slate-700 px-2 py-1"><CopyButton text={s.command} label="Copy" /></div>
                      <pre tabIndex={0} className="overflow-x-auto p-2 text-xs text-slate-100"><code>{s.command}</code></pre>
                    </div>
                  )}
                  <p className="text-xs text-slate-700"><span className="font-medium">Expected: </span>{s.expected_outcome}</p>
                  {s.evidence_hint && <p className="text-xs text-slate-700"><span className="font-medium">Evidence: </span>{s.evidence_hint}</p>}
                </li>
              ))}
            </ol>
            {detail.data.validation_checks.length > 0 && (
              <div>
                <h3 className="text-sm font-semibold">Check your work</h3>
                <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">{detail.data.validation_checks.map((c) => <li key={c}>{c}</li>)}</ul>
              </div>
            )}
          </div>
        )}
      </Drawer>
    </section>
  );
}
