"use client";

import { useCallback, useState, useTransition } from "react";
import Link from "next/link";
import { Badge, Button, Skeleton } from "@/components/ui";
import dynamic from "next/dynamic";
import { openRecipeAction, type DrawerRecipe } from "@/app/missions/[id]/play/actions";

// The drawer and the recipe's layout load when a learner first opens a recipe, not with the stage.
const Drawer = dynamic(() => import("./recipe-dialog").then((m) => m.Drawer), { ssr: false });
const RecipeBody = dynamic(() => import("./recipe-body").then((m) => m.RecipeBody), { ssr: false, loading: () => <Skeleton className="h-24" /> });

export interface SidebarRecommendation {
  slug: string;
  title: string;
  difficulty: string;
  estimated_minutes: number;
  reasons: string[];
  completed: boolean;
}

type Opened = { slug: string; recipe: DrawerRecipe } | { slug: string; error: string };

/**
 * The recipe sidebar inside the mission stage player: top recommendations for the current stage,
 * each with its reasons; a recipe opens in a drawer without leaving the stage; "Mark as used"
 * records which stage it helped (POST /recipes/{slug}/progress, marked_used).
 * The recommendations come with the page's first render (the page keys this by stage); the drawer
 * asks a server action for the recipe with its steps already rendered, so no markdown parser and no
 * query library reach the browser.
 */
export function RecipeSidebar({ missionCode, stage, items }: { missionCode: string; stage: string; items: SidebarRecommendation[] }) {
  const [openSlug, setOpenSlug] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, startLoading] = useTransition();
  const [usedHere, setUsedHere] = useState<Record<string, boolean>>({});
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);

  const load = (slug: string) => {
    setOpenSlug(slug);
    setMarkError(null);
    if (opened?.slug === slug && "recipe" in opened) return;
    setOpened(null);
    startLoading(async () => {
      const fd = new FormData();
      fd.set("slug", slug);
      try {
        const r = await openRecipeAction({}, fd);
        const recipe = (r.data as { recipe?: DrawerRecipe } | undefined)?.recipe;
        setOpened(r.ok && recipe ? { slug, recipe } : { slug, error: r.message ?? "The recipe could not be loaded." });
      } catch {
        setOpened({ slug, error: "The recipe could not be loaded. Check your connection and try again." });
      }
    });
  };
  const markUsed = async (slug: string) => {
    setMarking(true);
    setMarkError(null);
    try {
      const res = await fetch(`/api/v1/recipes/${slug}/progress`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: "marked_used", mission: missionCode, stage }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? "Could not record it. Try again.");
      setUsedHere((u) => ({ ...u, [slug]: true }));
    } catch (e) {
      setMarkError(e instanceof Error ? e.message : "Could not record it. Try again.");
    } finally {
      setMarking(false);
    }
  };
  const close = useCallback(() => setOpenSlug(null), []);
  const open = items.find((r) => r.slug === openSlug);
  const shown = opened && opened.slug === openSlug ? opened : null;

  return (
    <section aria-labelledby="recipe-sidebar-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="recipe-sidebar-title" className="text-base font-semibold text-slate-900">Recipes for this stage</h2>
      <p className="mt-0.5 text-xs text-slate-500">Picked for where you are, with the reasons why.</p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          No recipe matches this stage yet. <Link className="text-brand-700 underline" href="/recipes">Browse the library</Link>
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {items.map((r) => (
            <li key={r.slug} className="rounded-lg border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <button type="button" onClick={() => load(r.slug)} className="text-left text-sm font-semibold text-brand-700 underline" aria-haspopup="dialog">
                  {r.title}
                </button>
                {r.completed && <Badge tone="green">Done</Badge>}
                {usedHere[r.slug] && <Badge tone="blue">Used here</Badge>}
              </div>
              <p className="text-xs text-slate-500">{r.estimated_minutes} min · <span className="capitalize">{r.difficulty}</span></p>
              <ul aria-label={`Why ${r.title}`} className="mt-1 space-y-0.5 text-xs text-slate-700">
                {r.reasons.map((reason) => <li key={reason}>• {reason}</li>)}
              </ul>
            </li>
          ))}
        </ul>
      )}

      {openSlug !== null && (
        <Drawer
          open
          onClose={close}
          title={(shown && "recipe" in shown ? shown.recipe.title : open?.title) ?? "Recipe"}
          footer={
            openSlug && (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <Link href={`/recipes/${openSlug}`} className="text-sm text-brand-700 underline" target="_blank" rel="noopener">Open full page</Link>
                <div className="flex items-center gap-3">
                  <span role="status" aria-live="polite" className="text-sm">
                    {markError ? <span className="text-red-700">{markError}</span> : usedHere[openSlug] ? <span className="text-green-800">Recorded for this stage.</span> : ""}
                  </span>
                  <Button type="button" onClick={() => markUsed(openSlug)} disabled={marking || Boolean(usedHere[openSlug])}>
                    {usedHere[openSlug] ? "Marked as used" : marking ? "Saving…" : "Mark as used"}
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
          {loading || !shown ? (
            <div aria-busy="true" aria-label="Loading recipe" className="space-y-3">
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-24" />
              <Skeleton className="h-24" />
            </div>
          ) : "error" in shown ? (
            <p role="alert" className="text-sm text-red-700">
              {shown.error} <button type="button" className="underline" onClick={() => openSlug && load(openSlug)}>Try again</button>
            </p>
          ) : (
            <RecipeBody recipe={shown.recipe} />
          )}
        </Drawer>
      )}
    </section>
  );
}

