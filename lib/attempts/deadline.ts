import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findAttempt, latestAttempt, overdueAttemptIds } from "@/lib/db/queries/attempts";
import { findMission } from "@/lib/db/queries/missions";
import { expiryOutcome, isPastDeadline } from "@/lib/missions/deadlines";
import { transition } from "@/lib/missions/state";
import { recordEvents } from "@/lib/telemetry/record";
import { loadAttempt } from "./load";
import { prescoreAtSubmit, saveAttempt } from "./save";

// Deadlines (SPEC §3): enforced on the server at every read and write of an attempt, and by the
// sweep an operator schedules — never by a timer in a browser.

/**
 * The time limit binds an attempt until its first submission; once a mentor asks for changes the
 * learner may rework it whatever the clock says.
 */
export function deadlineApplies(p: Pick<MissionProgress, "state" | "submittedAt">): boolean {
  return p.state === "in_progress" && p.submittedAt === null;
}

/** Applies a passed deadline to an attempt whose row the transaction holds locked: auto-submitted or expired, with its event. */
export async function expireLocked(tx: Tx, p: MissionProgress, autoSubmit: boolean, now = new Date()): Promise<MissionProgress> {
  const attempt = await loadAttempt(p, { tx });
  const ctx = { tx, ...attempt };
  if (expiryOutcome(autoSubmit) === "submitted") {
    const { progress } = await saveAttempt(ctx, { state: transition(p.state, "auto_submit"), submittedAt: p.deadlineAt ?? now, prescore: prescoreAtSubmit(attempt, p.reflection) });
    await recordEvents(tx, [{ type: "mission.submitted", userId: p.userId, missionId: p.missionId, progressId: p.id, payload: { auto: true, attempt: p.attempt, deadline_at: p.deadlineAt?.toISOString() } }]);
    return progress;
  }
  const { progress } = await saveAttempt(ctx, { state: transition(p.state, "expire") });
  await recordEvents(tx, [{ type: "mission.expired", userId: p.userId, missionId: p.missionId, progressId: p.id, stageKey: p.currentStage, payload: { attempt: p.attempt, deadline_at: p.deadlineAt?.toISOString() } }]);
  return progress;
}

/** Applies the deadline to one attempt in its own transaction. Returns what happened, or null when it was not due. */
export async function expireIfDue({ progressId, now = new Date() }: { progressId: string; now?: Date }): Promise<"submitted" | "expired" | null> {
  return db.transaction(async (tx) => {
    const p = await findAttempt({ progressId, tx, lock: true });
    if (!p || !deadlineApplies(p) || !isPastDeadline(p.deadlineAt, now)) return null;
    const m = await findMission({ idOrCode: p.missionId, tx });
    const after = await expireLocked(tx, p, Boolean(m?.autoSubmitOnDeadline), now);
    return after.state === "submitted" ? "submitted" : "expired";
  });
}

/**
 * Cheap check at every read: expire the caller's current attempt if its deadline passed. Returns
 * that attempt as it stands afterwards (re-read only when it was due).
 */
export async function enforceDeadline({ userId, missionId, now = new Date() }: { userId: string; missionId: string; now?: Date }): Promise<MissionProgress | undefined> {
  return deadlineApplied(await latestAttempt({ userId, missionId }), now);
}

/** `enforceDeadline` for a latest attempt the caller has just read (with its mission, in one statement). */
export async function deadlineApplied(p: MissionProgress | undefined, now = new Date()): Promise<MissionProgress | undefined> {
  if (p && deadlineApplies(p) && isPastDeadline(p.deadlineAt, now)) {
    await expireIfDue({ progressId: p.id, now });
    return latestAttempt({ userId: p.userId, missionId: p.missionId });
  }
  return p;
}

/** The deadline sweep: every overdue in-progress attempt, one transaction each. */
export async function sweepDeadlines({ now = new Date(), limit = 1000 }: { now?: Date; limit?: number } = {}) {
  const due = await overdueAttemptIds({ now, limit });
  const result = { checked: due.length, auto_submitted: 0, expired: 0 };
  for (const id of due) {
    const r = await expireIfDue({ progressId: id, now });
    if (r === "submitted") result.auto_submitted++;
    if (r === "expired") result.expired++;
  }
  return result;
}
