import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Mission } from "@/lib/db/schema";
import { latestAttempt } from "@/lib/db/queries/attempts";
import { isPastDeadline } from "@/lib/missions/deadlines";
import { isWritable, refusalReason } from "@/lib/missions/state";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { loadAttempt, visibleMission, type Attempt } from "./load";
import { deadlineApplies, expireLocked } from "./deadline";

export interface WriteCtx extends Attempt {
  tx: Tx;
  mission: Mission;
}

/**
 * Runs a learner write on the caller's current attempt in one transaction with the attempt's row
 * locked (a learner's concurrent writes serialise). Refuses when there is no attempt, when it can no
 * longer change, or when its deadline passed — in which case the attempt is expired (or
 * auto-submitted) first, and that is committed before the refusal.
 */
export async function withWritableAttempt<T>(caller: Caller, idOrCode: string, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
  const mission = await visibleMission({ caller, idOrCode });
  const outcome = await db.transaction(async (tx) => {
    const progress = await latestAttempt({ userId: caller.id, missionId: mission.id, tx, lock: true });
    if (!progress) throw errors.conflict("Start the mission first.", { state: "not_started" });
    if (deadlineApplies(progress) && isPastDeadline(progress.deadlineAt)) {
      const expired = await expireLocked(tx, progress, mission.autoSubmitOnDeadline);
      return { refused: true as const, state: expired.state };
    }
    if (!isWritable(progress.state)) throw errors.conflict(refusalReason(progress.state, "work"), { state: progress.state });
    const attempt = await loadAttempt(progress, { tx });
    return { refused: false as const, result: await fn({ tx, mission, ...attempt }) };
  });
  if (outcome.refused) throw errors.conflict(refusalReason(outcome.state, "work"), { state: outcome.state });
  return outcome.result;
}
