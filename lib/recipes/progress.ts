import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { recordEvents } from "@/lib/telemetry/record";
import type { EventRecord } from "@/lib/telemetry/events";
import { findMission } from "@/lib/db/queries/missions";
import { recipeProgressOf, type RecipeProgressView } from "@/lib/db/queries/recipes";
import {
  countRecipeView,
  currentAttemptId,
  insertRecipeUse,
  lockRecipeProgress,
  markRecipeCompleted,
  missionStageKey,
  recipeStepCount,
  recipeUseExists,
  setRecipeStepsCompleted,
} from "@/lib/db/queries/recipe-progress";
import { requireRecipe } from "./library";
import type { ProgressBody } from "@/lib/api/contracts/recipes";

export interface ProgressResult {
  event: ProgressBody["event"];
  progress: RecipeProgressView;
  /** True when this call completed the recipe (explicitly or by checking off its last step). */
  justCompleted: boolean;
  used?: { mission: string; stage: string; recorded: boolean };
}

/**
 * Records one progress event of the caller on a recipe, in one transaction with the telemetry it causes:
 * - `viewed` (with `duration_ms` of time on the page) counts a view;
 * - `step_completed` checks off step `step` (1-based); checking off the last one completes the recipe;
 * - `completed` completes it (every step counts as done);
 * - `marked_used` records which mission stage it helped with (`recipe_uses`), once per attempt and stage.
 * Repeating a step, a completion or a use is a no-op (no duplicate rows or events).
 */
export async function recordRecipeProgress({ caller, slug, input }: { caller: Caller; slug: string; input: ProgressBody }): Promise<ProgressResult> {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    const stepCount = await recipeStepCount({ recipeId: r.id, tx });
    const now = new Date();
    const events: EventRecord[] = [];
    const base = { userId: caller.id, recipeId: r.id, occurredAt: now };
    const own = { userId: caller.id, recipeId: r.id, tx };
    let justCompleted = false;
    let used: ProgressResult["used"];
    const p = await lockRecipeProgress(own);
    const allSteps = Array.from({ length: Number(stepCount) }, (_, i) => i + 1);

    const complete = async (steps: number[]) => {
      if (p.completedAt) return;
      justCompleted = true;
      await markRecipeCompleted({ ...own, steps, at: now });
      events.push({ ...base, type: "recipe.completed", payload: { slug: r.slug, steps: steps.length } });
    };

    switch (input.event) {
      case "viewed": {
        await countRecipeView({ ...own, at: now });
        events.push({ ...base, type: "recipe.viewed", payload: { slug: r.slug, ...(input.duration_ms !== undefined ? { duration_ms: input.duration_ms } : {}) } });
        break;
      }
      case "step_completed": {
        const step = input.step!;
        if (step > stepCount) throw errors.validation({ step: `this recipe has ${stepCount} step(s)` });
        const done = p.stepsCompleted ?? [];
        if (!done.includes(step)) {
          const next = [...done, step].sort((a, b) => a - b);
          await setRecipeStepsCompleted({ ...own, steps: next });
          events.push({ ...base, type: "recipe.step_completed", payload: { slug: r.slug, step } });
          if (allSteps.every((s) => next.includes(s))) await complete(next);
        }
        break;
      }
      case "completed":
        await complete(allSteps);
        break;
      case "marked_used": {
        const mission = await findMission({ idOrCode: input.mission!, tx });
        if (!mission || (mission.status !== "published" && caller.role !== "admin")) throw errors.validation({ mission: "no such mission" });
        const stageKey = await missionStageKey({ missionId: mission.id, key: input.stage!, tx });
        if (!stageKey) throw errors.validation({ stage: `mission ${mission.code} has no stage "${input.stage}"` });
        const use = { ...own, missionId: mission.id, stageKey, progressId: await currentAttemptId({ userId: caller.id, missionId: mission.id, tx }) };
        const already = await recipeUseExists(use);
        if (!already) {
          await insertRecipeUse({ ...use, at: now });
          events.push({ ...base, type: "recipe.marked_used", missionId: mission.id, progressId: use.progressId, stageKey, payload: { slug: r.slug } });
        }
        used = { mission: mission.code, stage: stageKey, recorded: !already };
        break;
      }
    }
    await recordEvents(tx, events);
    return { event: input.event, progress: await recipeProgressOf({ userId: caller.id, recipeId: r.id, tx }), justCompleted, used };
  });
}
