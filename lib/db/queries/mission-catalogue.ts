import "server-only";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { accessExceptions, assignments, cohortMembers, missionProgress, missions, recipes } from "@/lib/db/schema";
import type { MissionContent } from "@/lib/content/schemas";
import type { Tier, Track } from "@/lib/db/schema/enums";
import type { Viewer } from "./access";

// What the mission catalogue and gating read (SPEC §2 "Catalogue", "Gating"). Lock state, sorting
// and JSON: lib/catalogue/.

/** Missions the caller may list (admins also drafts and archived), by code, with the filters given. */
export async function catalogueMissions({ caller, filters = {}, tx = db }: { caller: Viewer; filters?: { track?: Track; tier?: Tier; q?: string }; tx?: Tx }) {
  const where = [];
  if (caller.role !== "admin") where.push(eq(missions.status, "published"));
  if (filters.track) where.push(eq(missions.track, filters.track));
  if (filters.tier) where.push(eq(missions.tier, filters.tier));
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${missions.title} ilike ${like} or ${missions.code} ilike ${like} or ${missions.summary} ilike ${like} or ${missions.skills}::text ilike ${like})`);
  }
  return tx
    .select({
      id: missions.id,
      code: missions.code,
      title: missions.title,
      track: missions.track,
      tier: missions.tier,
      summary: missions.summary,
      estimatedMinutes: missions.estimatedMinutes,
      skills: missions.skills,
      timeConstraintHours: missions.timeConstraintHours,
      status: missions.status,
    })
    .from(missions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(missions.code));
}

/** The user's latest attempt on each mission they started. */
export async function latestAttempts({ userId, tx = db }: { userId: string; tx?: Tx }) {
  return tx
    .selectDistinctOn([missionProgress.missionId], {
      missionId: missionProgress.missionId,
      id: missionProgress.id,
      state: missionProgress.state,
      attempt: missionProgress.attempt,
      currentStage: missionProgress.currentStage,
      startedAt: missionProgress.startedAt,
      deadlineAt: missionProgress.deadlineAt,
      score: missionProgress.score,
      passed: missionProgress.passed,
      lastActivityAt: missionProgress.lastActivityAt,
    })
    .from(missionProgress)
    .where(eq(missionProgress.userId, userId))
    .orderBy(missionProgress.missionId, sql`${missionProgress.attempt} desc`);
}

/** Assigned missions of a learner (directly or through a cohort), earliest due date per mission. */
export async function assignedMissions({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const r = await tx
    .select({ missionId: assignments.missionId, dueAt: sql<string | null>`min(${assignments.dueAt})`, assignedAt: sql<string>`min(${assignments.createdAt})` })
    .from(assignments)
    .where(
      or(
        eq(assignments.learnerId, userId),
        inArray(assignments.cohortId, tx.select({ id: cohortMembers.cohortId }).from(cohortMembers).where(eq(cohortMembers.userId, userId))),
      ),
    )
    .groupBy(assignments.missionId);
  return new Map(r.map((a) => [a.missionId, { dueAt: a.dueAt ? new Date(a.dueAt) : null, assignedAt: new Date(a.assignedAt) }]));
}

/** How many distinct missions the user passed in each track and tier. */
export async function passedPerTier({ userId, tx = db }: { userId: string; tx?: Tx }) {
  return tx
    .select({ track: missions.track, tier: missions.tier, n: sql<number>`count(distinct ${missionProgress.missionId})::int` })
    .from(missionProgress)
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .where(and(eq(missionProgress.userId, userId), eq(missionProgress.passed, true)))
    .groupBy(missions.track, missions.tier);
}

/** Missions the learner was granted access to despite their lock (access exceptions). */
export async function exceptionMissionIds({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const r = await tx.select({ missionId: accessExceptions.missionId }).from(accessExceptions).where(eq(accessExceptions.learnerId, userId));
  return r.map((e) => e.missionId);
}

/** The published recipes linked to any stage of a mission's content, by slug (one query). */
export async function stageRecipes({ content, tx = db }: { content: MissionContent; tx?: Tx }) {
  const slugs = [...new Set(content.stages.flatMap((s) => s.recipes))];
  const rows = slugs.length
    ? await tx
        .select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, estimatedMinutes: recipes.estimatedMinutes })
        .from(recipes)
        .where(and(inArray(recipes.slug, slugs), ne(recipes.status, "draft")))
    : [];
  return new Map(rows.map((r) => [r.slug, r]));
}
