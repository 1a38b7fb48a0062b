import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { decisionsMade, evidence, hintsUnlocked, missionProgress, missions, stageCompletions, toolsUsed, type Mission, type MissionProgress } from "@/lib/db/schema";
import type { ProgressState } from "@/lib/db/schema/enums";
import type { MissionContent } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { computePath } from "@/lib/missions/graph";
import { isPastDeadline, expiryOutcome } from "@/lib/missions/deadlines";
import { isWritable, refusalReason, transition } from "@/lib/missions/state";
import { computePrescore, type Prescore } from "@/lib/missions/prescore";
import { recordEvents } from "@/lib/telemetry/record";
import { findMission, missionContent } from "./missions";

// Shared by the progress and evidence queries: who may touch which attempt, the facts of an
// attempt, deadline enforcement, and the one place that bumps version and last_activity_at.

/** A mission the caller may see: 404 when missing, or a draft for anyone but an admin. */
export async function visibleMission({ caller, idOrCode, tx = db }: { caller: Caller; idOrCode: string; tx?: Tx }): Promise<Mission> {
  const m = await findMission({ idOrCode, tx });
  if (!m || (m.status === "draft" && caller.role !== "admin")) throw errors.notFound("Mission");
  return m;
}

export async function contentOf({ missionId, version, tx = db }: { missionId: string; version: number; tx?: Tx }): Promise<MissionContent> {
  const c = await missionContent({ missionId, version, tx });
  if (!c) throw new Error(`mission ${missionId} has no content for version ${version}`);
  return c;
}

/** The caller's latest attempt at a mission (the "current" one), optionally locked for update. */
export async function latestAttempt({ userId, missionId, tx = db, lock = false }: { userId: string; missionId: string; tx?: Tx; lock?: boolean }) {
  const q = tx
    .select()
    .from(missionProgress)
    .where(and(eq(missionProgress.userId, userId), eq(missionProgress.missionId, missionId)))
    .orderBy(desc(missionProgress.attempt))
    .limit(1);
  const [p] = lock ? await q.for("update") : await q;
  return p as MissionProgress | undefined;
}

export type EvidenceRow = typeof evidence.$inferSelect;

export interface Facts {
  completions: { stageKey: string; notes: string; answer: string | null; links: string[]; completedAt: Date }[];
  decisions: { decisionKey: string; choiceKey: string; scoreDelta: number; createdAt: Date }[];
  hints: { stageKey: string; level: number; penalty: number; createdAt: Date }[];
  tools: { stageKey: string; tool: string }[];
  evidence: EvidenceRow[];
}

export async function loadFacts(tx: Tx, progressId: string): Promise<Facts> {
  const [completions, decisions, hints, tools, ev] = await Promise.all([
    tx
      .select({ stageKey: stageCompletions.stageKey, notes: stageCompletions.notes, answer: stageCompletions.answer, links: stageCompletions.links, completedAt: stageCompletions.completedAt })
      .from(stageCompletions)
      .where(eq(stageCompletions.progressId, progressId))
      .orderBy(asc(stageCompletions.completedAt)),
    tx
      .select({ decisionKey: decisionsMade.decisionKey, choiceKey: decisionsMade.choiceKey, scoreDelta: decisionsMade.scoreDelta, createdAt: decisionsMade.createdAt })
      .from(decisionsMade)
      .where(eq(decisionsMade.progressId, progressId))
      .orderBy(asc(decisionsMade.createdAt)),
    tx
      .select({ stageKey: hintsUnlocked.stageKey, level: hintsUnlocked.level, penalty: hintsUnlocked.penalty, createdAt: hintsUnlocked.createdAt })
      .from(hintsUnlocked)
      .where(eq(hintsUnlocked.progressId, progressId))
      .orderBy(asc(hintsUnlocked.stageKey), asc(hintsUnlocked.level)),
    tx.select({ stageKey: toolsUsed.stageKey, tool: toolsUsed.tool }).from(toolsUsed).where(eq(toolsUsed.progressId, progressId)).orderBy(asc(toolsUsed.createdAt)),
    tx.select().from(evidence).where(eq(evidence.progressId, progressId)).orderBy(asc(evidence.createdAt)),
  ]);
  return { completions, decisions, hints, tools, evidence: ev };
}

export const emptyFacts = (): Facts => ({ completions: [], decisions: [], hints: [], tools: [], evidence: [] });

export function pathOf(content: MissionContent, facts: Facts) {
  return computePath(content, new Set(facts.completions.map((c) => c.stageKey)), new Map(facts.decisions.map((d) => [d.decisionKey, d.choiceKey])));
}

/**
 * Every learner write ends here: recompute the path and current stage, move changes_requested
 * back to in_progress, bump version and last_activity_at.
 */
export async function touch(tx: Tx, p: MissionProgress, content: MissionContent, facts: Facts, set: Partial<typeof missionProgress.$inferInsert> = {}) {
  const { path, current } = pathOf(content, facts);
  const state = set.state ?? (p.state === "changes_requested" ? transition("changes_requested", "work") : p.state);
  const [row] = await tx
    .update(missionProgress)
    .set({ path, currentStage: current, lastActivityAt: new Date(), ...set, state, version: sql`${missionProgress.version} + 1` })
    .where(eq(missionProgress.id, p.id))
    .returning();
  return row;
}

export function prescoreFor(content: MissionContent, path: string[], facts: Facts, reflection: string | null): Prescore | null {
  try {
    return computePrescore({
      mission: content,
      path,
      completions: facts.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer })),
      evidence: facts.evidence.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link", contentType: e.contentType })),
      reflection,
    });
  } catch (e) {
    // The pre-score is a suggestion for the mentor; a bug in it must not block a learner's submission.
    console.error("[prescore] failed", e);
    return null;
  }
}

/**
 * The time limit binds an attempt until its first submission; once a mentor asks for changes the
 * learner may rework it whatever the clock says.
 */
export function deadlineApplies(p: Pick<MissionProgress, "state" | "submittedAt">): boolean {
  return p.state === "in_progress" && p.submittedAt === null;
}

/**
 * Applies the deadline to one attempt: past it, an in-progress attempt is auto-submitted (when the
 * mission says so) or expired, with its event, in one transaction. Returns what happened.
 */
export async function expireIfDue({ progressId, now = new Date() }: { progressId: string; now?: Date }): Promise<"submitted" | "expired" | null> {
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(missionProgress).where(eq(missionProgress.id, progressId)).for("update");
    if (!p || !deadlineApplies(p) || !isPastDeadline(p.deadlineAt, now)) return null;
    const [m] = await tx.select({ auto: missions.autoSubmitOnDeadline }).from(missions).where(eq(missions.id, p.missionId));
    const outcome = expiryOutcome(Boolean(m?.auto));
    const content = await contentOf({ missionId: p.missionId, version: p.missionVersion, tx });
    const facts = await loadFacts(tx, p.id);
    if (outcome === "submitted") {
      await touch(tx, p, content, facts, {
        state: transition("in_progress", "auto_submit"),
        submittedAt: p.deadlineAt ?? now,
        prescore: prescoreFor(content, pathOf(content, facts).path, facts, p.reflection),
      });
      await recordEvents(tx, [{ type: "mission.submitted", userId: p.userId, missionId: p.missionId, progressId: p.id, payload: { auto: true, attempt: p.attempt, deadline_at: p.deadlineAt?.toISOString() } }]);
    } else {
      await touch(tx, p, content, facts, { state: transition("in_progress", "expire") });
      await recordEvents(tx, [{ type: "mission.expired", userId: p.userId, missionId: p.missionId, progressId: p.id, stageKey: p.currentStage, payload: { attempt: p.attempt, deadline_at: p.deadlineAt?.toISOString() } }]);
    }
    return outcome;
  });
}

/**
 * Cheap check at every read and write: expire the caller's current attempt if its deadline passed.
 * Returns that attempt as it stands afterwards (re-read only when its deadline was due), so a
 * read does not need a second `latestAttempt`.
 */
export async function enforceDeadline({ userId, missionId, now = new Date() }: { userId: string; missionId: string; now?: Date }): Promise<MissionProgress | undefined> {
  const p = await latestAttempt({ userId, missionId });
  if (p && deadlineApplies(p) && isPastDeadline(p.deadlineAt, now)) {
    await expireIfDue({ progressId: p.id, now });
    return latestAttempt({ userId, missionId });
  }
  return p;
}

/** The deadline sweep an operator schedules: every overdue in-progress attempt, one transaction each. */
export async function sweepDeadlines({ now = new Date(), limit = 1000 }: { now?: Date; limit?: number } = {}) {
  const due = await db
    .select({ id: missionProgress.id })
    .from(missionProgress)
    .where(and(eq(missionProgress.state, "in_progress"), isNull(missionProgress.submittedAt), sql`${missionProgress.deadlineAt} <= ${now.toISOString()}`))
    .limit(limit);
  const result = { checked: due.length, auto_submitted: 0, expired: 0 };
  for (const d of due) {
    const r = await expireIfDue({ progressId: d.id, now });
    if (r === "submitted") result.auto_submitted++;
    if (r === "expired") result.expired++;
  }
  return result;
}

export interface WriteCtx {
  tx: Tx;
  progress: MissionProgress;
  mission: Mission;
  content: MissionContent;
  facts: Facts;
}

/**
 * Runs a learner write on the caller's current attempt, inside one transaction with the attempt's
 * row locked (so concurrent writes of one learner serialise). Refuses when there is no attempt,
 * when it can no longer change, or when its deadline passed.
 */
export async function withWritableProgress<T>(caller: Caller, idOrCode: string, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
  const mission = await visibleMission({ caller, idOrCode });
  await enforceDeadline({ userId: caller.id, missionId: mission.id });
  return db.transaction(async (tx) => {
    const progress = await latestAttempt({ userId: caller.id, missionId: mission.id, tx, lock: true });
    if (!progress) throw errors.conflict("Start the mission first.", { state: "not_started" });
    const state = progress.state as ProgressState;
    if (!isWritable(state)) throw errors.conflict(refusalReason(state, "work"), { state });
    if (deadlineApplies(progress) && isPastDeadline(progress.deadlineAt)) throw errors.conflict(`The deadline passed at ${progress.deadlineAt!.toISOString()}.`, { state });
    const content = await contentOf({ missionId: mission.id, version: progress.missionVersion, tx });
    const facts = await loadFacts(tx, progress.id);
    return fn({ tx, progress, mission, content, facts });
  });
}

export function stageOf(content: MissionContent, key: string) {
  return content.stages.find((s) => s.key === key);
}
