import "server-only";
import { db, type Tx } from "@/lib/db";
import { findMission } from "@/lib/db/queries/missions";
import { missionFilterOptions, publishedRecipeOptions, reviewQueueRows } from "@/lib/db/queries/reviews";
import type { Prescore } from "@/lib/missions/prescore";
import { REVIEWABLE_STATES } from "@/lib/missions/state";
import type { QueueFilters } from "@/lib/api/contracts/reviews";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { isReviewer } from "./access";

export interface QueueItem {
  progress_id: string;
  version: number;
  state: string;
  attempt: number;
  learner: { id: string; name: string };
  mission: { id: string; code: string; title: string; track: string; tier: string };
  submitted_at: string | null;
  waiting_seconds: number;
  prescore: number | null;
  moderation: "second_marking" | "moderation" | null;
}

/** Submissions waiting for review that the caller may review, oldest first. */
export async function reviewQueue({ caller, filters = {}, tx = db }: { caller: Caller; filters?: QueueFilters; tx?: Tx }): Promise<QueueItem[]> {
  if (!isReviewer(caller)) throw errors.forbidden();
  let missionId: string | undefined;
  if (filters.mission) {
    const m = await findMission({ idOrCode: filters.mission, tx });
    if (!m) return [];
    missionId = m.id;
  }
  const list = await reviewQueueRows({ viewer: caller, states: REVIEWABLE_STATES, missionId, track: filters.track, tier: filters.tier, tx });
  const now = Date.now();
  // A mentor's queue leaves out what they have marked (it waits for someone else) and what waits
  // for a moderator; an admin's keeps the latter, marked, as their moderation work.
  const open = list.filter((r) => !r.markedByViewer && (r.moderation !== "moderation" || caller.role === "admin"));
  return open.map((r) => {
    const since = r.submittedAt ?? r.updatedAt;
    const ps = r.prescore as Partial<Prescore> | null;
    return {
      progress_id: r.id,
      version: r.version,
      state: r.state,
      attempt: r.attempt,
      learner: { id: r.learnerId, name: r.learnerName },
      mission: { id: r.missionId, code: r.code, title: r.title, track: r.track, tier: r.tier },
      submitted_at: r.submittedAt?.toISOString() ?? null,
      waiting_seconds: Math.max(0, Math.round((now - since.getTime()) / 1000)),
      prescore: typeof ps?.score === "number" ? ps.score : null,
      moderation: r.moderation === "second_marking" || r.moderation === "moderation" ? r.moderation : null,
    };
  });
}

export { missionFilterOptions };

/** Published recipes for the recommendation picker. */
export async function recipeOptions() {
  const list = await publishedRecipeOptions();
  return list.map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, skills: r.skills, estimated_minutes: r.minutes }));
}
export type RecipeOption = Awaited<ReturnType<typeof recipeOptions>>[number];
