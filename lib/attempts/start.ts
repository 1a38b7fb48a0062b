import "server-only";
import { db } from "@/lib/db";
import type { Mission, MissionProgress } from "@/lib/db/schema";
import { emptyFacts, insertAttempt, latestAttempt } from "@/lib/db/queries/attempts";
import { missionLock } from "@/lib/catalogue/gating";
import { computeDeadline } from "@/lib/missions/deadlines";
import { allowsNewAttempt, isActive, transition } from "@/lib/missions/state";
import { toProgress } from "@/lib/missions/serialize";
import { recordEvents } from "@/lib/telemetry/record";
import type { Caller } from "@/lib/auth/session";
import { errors, isUniqueViolation } from "@/lib/errors";
import { enforceDeadline } from "./deadline";
import { contentOf, loadAttempt, visibleMission } from "./load";

async function existing(mission: Mission, p: MissionProgress) {
  const a = await loadAttempt(p);
  return { created: false, progress: toProgress(p, mission, a.content, a.facts, { route: a.route }) };
}

/**
 * Starts the mission or returns the current attempt (idempotent, also under concurrent calls: the
 * partial unique index allows one live attempt, and the loser of a race reads the winner's). A new
 * attempt (attempt + 1) follows a failed or expired one. Locked missions are refused (403).
 */
export async function startMission({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const latest = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  if (latest && isActive(latest.state)) return existing(mission, latest);
  if (latest?.state === "approved") throw errors.conflict("You already passed this mission.", { state: "approved" });
  if (mission.status !== "published" && caller.role !== "admin") throw errors.conflict("This mission is archived and cannot be started.");
  const lock = await missionLock({ caller, mission });
  if (lock.locked) throw errors.forbidden(lock.reason ?? "This mission is locked.");

  const content = await contentOf({ missionId: mission.id, version: mission.version });
  try {
    const row = await db.transaction(async (tx) => {
      const last = await latestAttempt({ userId: caller.id, missionId: mission.id, tx });
      if (last && !allowsNewAttempt(last.state)) return { reused: true as const, p: last };
      const startedAt = new Date();
      const first = content.stages[0].key;
      const p = await insertAttempt(tx, {
        userId: caller.id,
        missionId: mission.id,
        missionVersion: mission.version,
        attempt: (last?.attempt ?? 0) + 1,
        state: transition("not_started", "start"),
        currentStage: first,
        path: [first],
        startedAt,
        lastActivityAt: startedAt,
        deadlineAt: computeDeadline(startedAt, content.time_constraint_hours),
      });
      await recordEvents(tx, [{ type: "mission.started", userId: caller.id, missionId: mission.id, progressId: p.id, stageKey: first, payload: { attempt: p.attempt, version: p.missionVersion } }]);
      return { reused: false as const, p };
    });
    if (row.reused) return existing(mission, row.p);
    return { created: true, progress: toProgress(row.p, mission, content, emptyFacts()) };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Another request started it a moment ago: return that attempt.
    const winner = await latestAttempt({ userId: caller.id, missionId: mission.id });
    if (!winner) throw e;
    return existing(mission, winner);
  }
}
