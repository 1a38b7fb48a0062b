import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { foundationCompletions, foundationModules, recipeLinks, recipes, trackEnrolments } from "@/lib/db/schema";
import type { SelfCheckQuestion } from "@/lib/content/schemas";
import type { Track } from "@/lib/db/schema/enums";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FoundationsState {
  modules: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    body: string;
    estimatedMinutes: number;
    position: number;
    required: boolean;
    selfCheck: SelfCheckQuestion[];
    completedAt: Date | null;
  }[];
  completed: number;
  total: number;
  requiredRemaining: number;
  complete: boolean;
}

/** Foundations modules in order with the learner's completion. Complete when every required module is done. */
export async function foundationsFor({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<FoundationsState> {
  const rows = await tx
    .select({
      id: foundationModules.id,
      slug: foundationModules.slug,
      title: foundationModules.title,
      summary: foundationModules.summary,
      body: foundationModules.body,
      estimatedMinutes: foundationModules.estimatedMinutes,
      position: foundationModules.position,
      required: foundationModules.required,
      selfCheck: foundationModules.selfCheck,
      completedAt: foundationCompletions.completedAt,
    })
    .from(foundationModules)
    .leftJoin(foundationCompletions, and(eq(foundationCompletions.moduleId, foundationModules.id), eq(foundationCompletions.userId, userId)))
    .orderBy(asc(foundationModules.position), asc(foundationModules.slug));
  const requiredRemaining = rows.filter((m) => m.required && !m.completedAt).length;
  return { modules: rows, completed: rows.filter((m) => m.completedAt).length, total: rows.length, requiredRemaining, complete: requiredRemaining === 0 };
}

export async function isFoundationsComplete({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<boolean> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(foundationModules)
    .where(
      and(
        eq(foundationModules.required, true),
        sql`not exists (select 1 from ${foundationCompletions} fc where fc.module_id = ${foundationModules.id} and fc.user_id = ${userId})`,
      ),
    );
  return Number(r?.n ?? 0) === 0;
}

/** A Foundations module by slug or id, or undefined. */
export async function findModule({ module, tx = db }: { module: string; tx?: Tx }) {
  const [m] = await tx
    .select({ id: foundationModules.id, slug: foundationModules.slug, title: foundationModules.title, selfCheck: foundationModules.selfCheck })
    .from(foundationModules)
    .where(UUID.test(module) ? eq(foundationModules.id, module) : eq(foundationModules.slug, module.toLowerCase()))
    .limit(1);
  return m;
}

/** Records the learner's completion of a module; a second time keeps the first date. */
export async function markModuleComplete({ userId, moduleId, tx = db }: { userId: string; moduleId: string; tx?: Tx }) {
  await tx.insert(foundationCompletions).values({ userId, moduleId }).onConflictDoNothing();
}

export async function enrolledTracks({ userId, tx = db }: { userId: string; tx?: Tx }) {
  return tx.select({ track: trackEnrolments.track, enrolledAt: trackEnrolments.enrolledAt }).from(trackEnrolments).where(eq(trackEnrolments.userId, userId)).orderBy(asc(trackEnrolments.enrolledAt));
}

/** Enrols the learner in a track. Idempotent. */
export async function enrol({ userId, track, tx = db }: { userId: string; track: Track; tx?: Tx }) {
  await tx.insert(trackEnrolments).values({ userId, track }).onConflictDoNothing();
  return enrolledTracks({ userId, tx });
}

export async function unenrol({ userId, track, tx = db }: { userId: string; track: Track; tx?: Tx }) {
  await tx.delete(trackEnrolments).where(and(eq(trackEnrolments.userId, userId), eq(trackEnrolments.track, track)));
  return enrolledTracks({ userId, tx });
}

/** Published recipes linked to Foundations modules (SPEC §2 recipe links), required first, in the author's order. */
export async function moduleRecipes({ tx = db }: { tx?: Tx } = {}) {
  return tx
    .select({ moduleId: recipeLinks.moduleId, slug: recipes.slug, title: recipes.title, summary: recipes.summary, estimatedMinutes: recipes.estimatedMinutes, required: recipeLinks.required })
    .from(recipeLinks)
    .innerJoin(recipes, eq(recipes.id, recipeLinks.recipeId))
    .where(and(sql`${recipeLinks.moduleId} is not null`, eq(recipes.status, "published")))
    .orderBy(desc(recipeLinks.required), asc(recipeLinks.position), asc(recipes.title));
}
