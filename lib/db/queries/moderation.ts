import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { missionModeration, missionProgress, missions, moderations, reviewMarks, users, type ModerationStatus } from "@/lib/db/schema";

// Data access for calibration and moderation (SPEC §7): rows in, rows out. Who may mark, moderate
// or read calibration is decided in lib/reviews.

export type ModerationRow = typeof moderations.$inferSelect;
export type MarkRow = typeof reviewMarks.$inferSelect;

/** Locks an attempt's row for the rest of the transaction: marks and releases of one attempt queue up. */
export async function lockAttemptRow(tx: Tx, { id }: { id: string }) {
  const [row] = await tx.select().from(missionProgress).where(eq(missionProgress.id, id)).for("update");
  return row;
}

export async function moderationSettingsRows({ tx = db }: { tx?: Tx } = {}) {
  return tx
    .select({
      missionId: missions.id,
      code: missions.code,
      title: missions.title,
      percent: sql<number>`coalesce(${missionModeration.doubleMarkingPercent}, 0)`.mapWith(Number),
      threshold: sql<number>`coalesce(${missionModeration.thresholdPoints}, 10)`.mapWith(Number),
      firstMarks: sql<number>`coalesce(${missionModeration.firstMarks}, 0)`.mapWith(Number),
      updatedAt: missionModeration.updatedAt,
    })
    .from(missions)
    .leftJoin(missionModeration, eq(missionModeration.missionId, missions.id))
    .orderBy(asc(missions.code));
}

export async function upsertModerationSettings(tx: Tx, v: { missionId: string; percent: number; threshold: number; updatedBy: string }) {
  const [row] = await tx
    .insert(missionModeration)
    .values({ missionId: v.missionId, doubleMarkingPercent: v.percent, thresholdPoints: v.threshold, updatedBy: v.updatedBy })
    .onConflictDoUpdate({
      target: missionModeration.missionId,
      set: { doubleMarkingPercent: v.percent, thresholdPoints: v.threshold, updatedBy: v.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return row;
}

/**
 * Counts one more first marking of the mission (under the row's lock) and returns n with the rate
 * and threshold; nothing for a mission that is not double-marked (no row, or 0%).
 */
export async function countFirstMark(tx: Tx, { missionId }: { missionId: string }) {
  const [row] = await tx
    .update(missionModeration)
    .set({ firstMarks: sql`${missionModeration.firstMarks} + 1` })
    .where(and(eq(missionModeration.missionId, missionId), sql`${missionModeration.doubleMarkingPercent} > 0`))
    .returning({ n: missionModeration.firstMarks, percent: missionModeration.doubleMarkingPercent, threshold: missionModeration.thresholdPoints });
  return row;
}

export async function thresholdOf({ missionId, tx = db }: { missionId: string; tx?: Tx }) {
  const [row] = await tx.select({ threshold: missionModeration.thresholdPoints }).from(missionModeration).where(eq(missionModeration.missionId, missionId));
  return row?.threshold ?? 10;
}

export async function moderationOf({ progressId, version, tx = db }: { progressId: string; version: number; tx?: Tx }) {
  const [row] = await tx.select().from(moderations).where(and(eq(moderations.progressId, progressId), eq(moderations.basedOnVersion, version)));
  return row as ModerationRow | undefined;
}

export async function insertModeration(tx: Tx, v: typeof moderations.$inferInsert) {
  const [row] = await tx.insert(moderations).values(v).returning();
  return row;
}

export async function updateModeration(tx: Tx, { id, set }: { id: string; set: Partial<typeof moderations.$inferInsert> }) {
  const [row] = await tx.update(moderations).set(set).where(eq(moderations.id, id)).returning();
  return row;
}

export async function insertMark(tx: Tx, v: typeof reviewMarks.$inferInsert) {
  const [row] = await tx.insert(reviewMarks).values(v).returning();
  return row;
}

/** The marks of a moderation, round 1 first, with their mentor's name. */
export async function marksOf({ moderationId, tx = db }: { moderationId: string; tx?: Tx }) {
  return tx
    .select({ mark: reviewMarks, mentorName: users.name })
    .from(reviewMarks)
    .leftJoin(users, eq(users.id, reviewMarks.mentorId))
    .where(eq(reviewMarks.moderationId, moderationId))
    .orderBy(asc(reviewMarks.round));
}

/** Both blind marks of every double-marked version that has two (waiting for a moderator or final), per mission. */
export async function markPairRows({ tx = db }: { tx?: Tx } = {}) {
  return rows<{ mission_id: string; code: string; title: string; version: number; first: Record<string, number>; second: Record<string, number> }>(
    tx,
    sql`select m.mission_id::text as mission_id, mi.code, mi.title, p.mission_version as version, r1.levels as first, r2.levels as second
      from moderations m
      join missions mi on mi.id = m.mission_id
      join mission_progress p on p.id = m.progress_id
      join review_marks r1 on r1.moderation_id = m.id and r1.round = 1
      join review_marks r2 on r2.moderation_id = m.id and r2.round = 2
      where m.status in ('moderation', 'final')
      order by mi.code, m.created_at`,
  );
}

/** Each mark of a final double-marked version with the released review's score. */
export async function markVsFinalRows({ tx = db }: { tx?: Tx } = {}) {
  const list = await rows<{ mentor_id: string; name: string | null; score: number; final_score: number; created_at: Date | string }>(
    tx,
    sql`select rm.mentor_id::text as mentor_id, u.name, rm.score, rv.score as final_score, rm.created_at
      from review_marks rm
      join moderations m on m.id = rm.moderation_id and m.status = 'final'
      join reviews rv on rv.id = m.final_review_id
      left join users u on u.id = rm.mentor_id
      order by rm.created_at`,
  );
  return list.map((r) => ({ ...r, score: Number(r.score), final_score: Number(r.final_score), created_at: new Date(r.created_at) }));
}

export async function moderationCounts({ tx = db }: { tx?: Tx } = {}) {
  const list = await tx.select({ status: moderations.status, n: sql<number>`count(*)::int`.mapWith(Number) }).from(moderations).groupBy(moderations.status);
  const by = Object.fromEntries(list.map((r) => [r.status, r.n])) as Partial<Record<ModerationStatus, number>>;
  return by;
}

/** Versions whose marks disagreed and were moderated (final with a moderator). */
export async function moderatedCount({ tx = db }: { tx?: Tx } = {}) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(moderations).where(and(eq(moderations.status, "final"), sql`${moderations.moderatorId} is not null`));
  return r?.n ?? 0;
}
