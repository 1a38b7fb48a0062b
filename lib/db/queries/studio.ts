import "server-only";
import { and, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import type { ProgressState } from "@/lib/db/schema/enums";
import { contentAudit, contentDrafts, missionProgress, missions, recipeProgress, recipes, studioPreviews, users, type StudioKind } from "@/lib/db/schema";

// Data access for Mission Studio: drafts, the audit log, sandbox previews, and the counts the
// impact view needs. Rows in, rows out; lib/studio decides what they mean.

export type DraftRow = typeof contentDrafts.$inferSelect;

export async function findDraft({ kind, ref, tx = db, lock = false }: { kind: StudioKind; ref: string; tx?: Tx; lock?: boolean }) {
  const q = tx.select().from(contentDrafts).where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.ref, ref))).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row as DraftRow | undefined;
}

export async function userName({ id, tx = db }: { id: string | null; tx?: Tx }) {
  if (!id) return null;
  const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  return u ?? null;
}

export async function insertDraft(tx: Tx, v: { kind: StudioKind; ref: string; content: Record<string, unknown>; userId: string }) {
  const [row] = await tx
    .insert(contentDrafts)
    .values({ kind: v.kind, ref: v.ref, content: v.content, draftVersion: 1, createdBy: v.userId, updatedBy: v.userId })
    .returning();
  return row;
}

/** Writes a draft only while it still has the version the writer read: undefined when someone saved first. */
export async function saveDraftIfVersion(tx: Tx, v: { id: string; expect: number; content: Record<string, unknown> | null; userId: string }) {
  const [row] = await tx
    .update(contentDrafts)
    .set({ content: v.content, draftVersion: sql`${contentDrafts.draftVersion} + 1`, updatedBy: v.userId, updatedAt: new Date() })
    .where(and(eq(contentDrafts.id, v.id), eq(contentDrafts.draftVersion, v.expect)))
    .returning();
  return row as DraftRow | undefined;
}

export async function insertAudit(tx: Tx, v: { kind: StudioKind; ref: string; action: string; version: number; actorId: string; details: Record<string, unknown> }) {
  const [row] = await tx.insert(contentAudit).values(v).returning();
  return row;
}

export async function auditTrail({ kind, ref, limit = 20, tx = db }: { kind: StudioKind; ref: string; limit?: number; tx?: Tx }) {
  return tx
    .select({ id: contentAudit.id, action: contentAudit.action, version: contentAudit.version, at: contentAudit.createdAt, details: contentAudit.details, actorId: contentAudit.actorId, actorName: users.name })
    .from(contentAudit)
    .leftJoin(users, eq(users.id, contentAudit.actorId))
    .where(and(eq(contentAudit.kind, kind), eq(contentAudit.ref, ref)))
    .orderBy(desc(contentAudit.createdAt))
    .limit(limit);
}

/** Drafts of one kind with their last editor, optionally only those matching `q` in ref or title. */
export async function draftsWithEditors({ kind, q, tx = db }: { kind: StudioKind; q?: string; tx?: Tx }) {
  const like = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
  return tx
    .select({ ref: contentDrafts.ref, content: contentDrafts.content, draftVersion: contentDrafts.draftVersion, updatedAt: contentDrafts.updatedAt, editorId: contentDrafts.updatedBy, editorName: users.name })
    .from(contentDrafts)
    .leftJoin(users, eq(users.id, contentDrafts.updatedBy))
    .where(and(eq(contentDrafts.kind, kind), like ? or(ilike(contentDrafts.ref, like), ilike(sql`${contentDrafts.content}->>'title'`, like)) : undefined));
}

export async function publishedMissions({ q, tx = db }: { q?: string; tx?: Tx }) {
  const like = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
  return tx
    .select({ ref: missions.code, title: missions.title, status: missions.status, version: missions.version, updatedAt: missions.updatedAt })
    .from(missions)
    .where(like ? or(ilike(missions.code, like), ilike(missions.title, like)) : undefined);
}

export async function publishedRecipes({ q, tx = db }: { q?: string; tx?: Tx }) {
  const like = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
  return tx
    .select({ ref: recipes.slug, title: recipes.title, status: recipes.status, version: recipes.version, updatedAt: recipes.updatedAt })
    .from(recipes)
    .where(like ? or(ilike(recipes.slug, like), ilike(recipes.title, like)) : undefined);
}

/** The published recipe's authored content (recipes keep one version: the current one). */
export async function recipeContent({ slug, tx = db }: { slug: string; tx?: Tx }) {
  const [r] = await tx.select({ id: recipes.id, version: recipes.version, status: recipes.status, content: recipes.content }).from(recipes).where(eq(recipes.slug, slug));
  return r;
}

/** Attempts at a mission counted by state, with how many started on each version. */
export async function attemptsByState({ missionId, tx = db }: { missionId: string; tx?: Tx }) {
  return tx
    .select({ state: missionProgress.state, version: missionProgress.missionVersion, n: sql<number>`count(*)::int` })
    .from(missionProgress)
    .where(eq(missionProgress.missionId, missionId))
    .groupBy(missionProgress.state, missionProgress.missionVersion);
}

export async function attemptsInStates({ missionId, states, tx = db }: { missionId: string; states: readonly ProgressState[]; tx?: Tx }) {
  return tx
    .select()
    .from(missionProgress)
    .where(and(eq(missionProgress.missionId, missionId), inArray(missionProgress.state, [...states])))
    .for("update");
}

/** Recipe progress rows counted by state (a recipe has no versions: every learner sees the new text). */
export async function recipeUsageByState({ recipeId, tx = db }: { recipeId: string; tx?: Tx }) {
  return tx
    .select({
      state: sql<string>`case when ${recipeProgress.completedAt} is null then 'in_progress' else 'completed' end`,
      n: sql<number>`count(*)::int`,
    })
    .from(recipeProgress)
    .where(eq(recipeProgress.recipeId, recipeId))
    .groupBy(sql`1`);
}

export async function findPreview({ userId, kind, ref, tx = db }: { userId: string; kind: StudioKind; ref: string; tx?: Tx }) {
  const [row] = await tx
    .select()
    .from(studioPreviews)
    .where(and(eq(studioPreviews.userId, userId), eq(studioPreviews.kind, kind), eq(studioPreviews.ref, ref)));
  return row;
}

export async function savePreview(tx: Tx, v: { userId: string; kind: StudioKind; ref: string; draftVersion: number; state: Record<string, unknown>; restart: boolean }) {
  const now = new Date();
  const set = v.restart ? { draftVersion: v.draftVersion, state: v.state, startedAt: now, updatedAt: now } : { draftVersion: v.draftVersion, state: v.state, updatedAt: now };
  const [row] = await tx
    .insert(studioPreviews)
    .values({ userId: v.userId, kind: v.kind, ref: v.ref, draftVersion: v.draftVersion, state: v.state })
    .onConflictDoUpdate({ target: [studioPreviews.userId, studioPreviews.kind, studioPreviews.ref], set })
    .returning();
  return row;
}
