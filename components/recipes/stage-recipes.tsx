import type { Caller } from "@/lib/auth/session";
import type { MissionContent } from "@/lib/content/schemas";
import type { Mission } from "@/lib/db/schema";
import { stageRecommendations } from "@/lib/recipes/recommendations";
import { Skeleton } from "@/components/ui";
import { RecipeSidebar } from "./recipe-sidebar";

/** How many recipes the stage player recommends. */
const SIDEBAR_LIMIT = 4;

/**
 * The stage player's recipe sidebar with its recommendations, computed during the page's server
 * render (streamed behind a Suspense boundary, so the stage itself does not wait for them).
 */
export async function StageRecipes({ caller, mission, content, stage }: { caller: Caller; mission: Mission; content: MissionContent; stage: string }) {
  const r = await stageRecommendations({ caller, mission, content, stageKey: stage, limit: SIDEBAR_LIMIT });
  const items = r.items.map((x) => ({ slug: x.slug, title: x.title, difficulty: x.difficulty, estimated_minutes: x.estimatedMinutes, reasons: x.reasons, completed: x.completed }));
  return <RecipeSidebar key={stage} missionCode={mission.code} stage={stage} items={items} />;
}

/** The sidebar's place while its recommendations are computed. */
export function StageRecipesSkeleton() {
  return (
    <section aria-labelledby="recipe-sidebar-title" aria-busy="true" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="recipe-sidebar-title" className="text-base font-semibold text-slate-900">Recipes for this stage</h2>
      <p className="mt-0.5 text-xs text-slate-500">Picked for where you are, with the reasons why.</p>
      <div aria-label="Loading recipes" className="mt-3 space-y-3">
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
      </div>
    </section>
  );
}
