import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionProgress, missionStages, recipeBookmarks, recipeProgress, recipeRatings, recipeSteps, recipeUses } from "@/lib/db/schema";

// The caller's own recipe state: progress (views, steps, completion), uses in a mission stage,
// bookmarks and ratings. Every function is scoped to the user id it is given; the rules and the
// telemetry are lib/recipes/ (progress.ts, bookmarks.ts, ratings.ts).

const mine = (userId: string, recipeId: string) => and(eq(recipeProgress.userId, userId), eq(recipeProgress.recipeId, recipeId));

export async function recipeStepCount({ recipeId, tx = db }: { recipeId: string; tx?: Tx }): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${recipeSteps} where recipe_id = ${recipeId}`);
  return n;
}

/** Creates the user's progress row on first touch; returns it locked until the transaction ends. */
export async function lockRecipeProgress({ userId, recipeId, tx }: { userId: string; recipeId: string; tx: Tx }) {
  await tx.insert(recipeProgress).values({ userId, recipeId, viewCount: 0 }).onConflictDoNothing();
  const [p] = await tx.select().from(recipeProgress).where(mine(userId, recipeId)).for("update");
  return p;
}

export async function countRecipeView({ userId, recipeId, at, tx = db }: { userId: string; recipeId: string; at: Date; tx?: Tx }) {
  await tx
    .update(recipeProgress)
    .set({ viewCount: sql`${recipeProgress.viewCount} + 1`, lastViewedAt: at })
    .where(mine(userId, recipeId));
}

export async function setRecipeStepsCompleted({ userId, recipeId, steps, tx = db }: { userId: string; recipeId: string; steps: number[]; tx?: Tx }) {
  await tx.update(recipeProgress).set({ stepsCompleted: steps }).where(mine(userId, recipeId));
}

export async function markRecipeCompleted({ userId, recipeId, steps, at, tx = db }: { userId: string; recipeId: string; steps: number[]; at: Date; tx?: Tx }) {
  await tx.update(recipeProgress).set({ completedAt: at, stepsCompleted: steps }).where(mine(userId, recipeId));
}

/** The key of a mission's stage, if the mission has a stage with that key. */
export async function missionStageKey({ missionId, key, tx = db }: { missionId: string; key: string; tx?: Tx }) {
  const [stage] = await tx
    .select({ key: missionStages.key })
    .from(missionStages)
    .where(and(eq(missionStages.missionId, missionId), eq(missionStages.key, key)));
  return stage?.key;
}

/** The user's own attempt on a mission that a recipe use is filed under: the live one, else the latest. */
export async function currentAttemptId({ userId, missionId, tx = db }: { userId: string; missionId: string; tx?: Tx }): Promise<string | null> {
  const [attempt] = await tx
    .select({ id: missionProgress.id })
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, userId), eq(missionProgress.missionId, missionId)))
    .orderBy(sql`${missionProgress.state} in ('in_progress','changes_requested') desc`, sql`${missionProgress.attempt} desc`)
    .limit(1);
  return attempt?.id ?? null;
}

interface RecipeUseKey {
  userId: string;
  recipeId: string;
  missionId: string;
  stageKey: string;
  /** Null when the user has no attempt on the mission. */
  progressId: string | null;
}

export async function recipeUseExists({ userId, recipeId, missionId, stageKey, progressId, tx = db }: RecipeUseKey & { tx?: Tx }) {
  const [already] = await tx
    .select({ id: recipeUses.id })
    .from(recipeUses)
    .where(
      and(
        eq(recipeUses.userId, userId),
        eq(recipeUses.recipeId, recipeId),
        eq(recipeUses.stageKey, stageKey),
        eq(recipeUses.missionId, missionId),
        sql`${recipeUses.progressId} is not distinct from ${progressId}`,
      ),
    );
  return Boolean(already);
}

export async function insertRecipeUse({ userId, recipeId, missionId, stageKey, progressId, at, tx = db }: RecipeUseKey & { at: Date; tx?: Tx }) {
  await tx.insert(recipeUses).values({ userId, recipeId, missionId, progressId, stageKey, createdAt: at }).onConflictDoNothing();
}

export async function addBookmark({ userId, recipeId, tx = db }: { userId: string; recipeId: string; tx?: Tx }) {
  await tx.insert(recipeBookmarks).values({ userId, recipeId }).onConflictDoNothing();
}

export async function removeBookmark({ userId, recipeId, tx = db }: { userId: string; recipeId: string; tx?: Tx }) {
  await tx.delete(recipeBookmarks).where(and(eq(recipeBookmarks.userId, userId), eq(recipeBookmarks.recipeId, recipeId)));
}

/** The user's rating of a recipe; rating again replaces it. */
export async function upsertRecipeRating({ userId, recipeId, rating, tx = db }: { userId: string; recipeId: string; rating: number; tx?: Tx }) {
  await tx
    .insert(recipeRatings)
    .values({ userId, recipeId, rating })
    .onConflictDoUpdate({ target: [recipeRatings.userId, recipeRatings.recipeId], set: { rating, updatedAt: new Date() } });
}
