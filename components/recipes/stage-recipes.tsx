import type { Caller } from "@/lib/auth/session";
import type { MissionContent } from "@/lib/content/schemas";
import type { Mission } from "@/lib/db/schema";
import { stageRecommendations } from "@/lib/recipes/recommendations";
import { RecipeSidebar } from "./recipe-sidebar";

/** How many recipes the stage player recommends. */
const SIDEBAR_LIMIT = 4;

/**
 * The stage player's recipe sidebar with its recommendations, computed during the page's server
 * render and sent with the page (the play segment's loading.tsx is what shows while it renders).
 */
export async function StageRecipes({ caller, mission, content, stage }: { caller: Caller; mission: Mission; content: MissionContent; stage: string }) {
  const r = await stageRecommendations({ caller, mission, content, stageKey: stage, limit: SIDEBAR_LIMIT });
  const items = r.items.map((x) => ({ slug: x.slug, title: x.title, difficulty: x.difficulty, estimated_minutes: x.estimatedMinutes, reasons: x.reasons, completed: x.completed }));
  return <RecipeSidebar key={stage} missionCode={mission.code} stage={stage} items={items} />;
}
