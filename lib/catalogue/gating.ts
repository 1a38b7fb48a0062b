import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Mission } from "@/lib/db/schema";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/auth/session";
import { lockState, tierKey, type GatingContext, type LockState } from "@/lib/missions/gating";
import { enrolledTracks, isFoundationsComplete } from "@/lib/db/queries/foundations";
import { exceptionMissionIds, passedPerTier } from "@/lib/db/queries/mission-catalogue";
import { setSettingValue, settingValue } from "@/lib/db/queries/settings";
import { errors } from "@/lib/errors";

/** The admin-settable tier unlock threshold (settings.unlock_threshold), else SORTIE_UNLOCK_THRESHOLD. */
export async function unlockThreshold({ tx = db }: { tx?: Tx } = {}): Promise<number> {
  const value = await settingValue({ key: "unlock_threshold", tx });
  const n = value !== undefined ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : env().SORTIE_UNLOCK_THRESHOLD;
}

/** Admins set how many passed missions of a tier unlock the next (SPEC §3), in the app rather than by env. */
export async function setUnlockThreshold({ caller, value, tx = db }: { caller: Pick<Caller, "role">; value: number; tx?: Tx }) {
  if (caller.role !== "admin") throw errors.forbidden();
  await setSettingValue({ key: "unlock_threshold", value: String(value), tx });
  return value;
}

/** Everything gating (lib/missions/gating.ts) needs to know about a caller, in five small parallel queries. */
export async function gatingContext({ caller, tx = db }: { caller: Pick<Caller, "id" | "role">; tx?: Tx }): Promise<GatingContext> {
  const [foundationsComplete, threshold, passedRows, exceptions, tracks] = await Promise.all([
    isFoundationsComplete({ userId: caller.id, tx }),
    unlockThreshold({ tx }),
    passedPerTier({ userId: caller.id, tx }),
    exceptionMissionIds({ userId: caller.id, tx }),
    enrolledTracks({ userId: caller.id, tx }),
  ]);
  return {
    role: caller.role,
    foundationsComplete,
    threshold,
    passed: new Map(passedRows.map((r) => [tierKey(r.track, r.tier), Number(r.n)])),
    exceptions: new Set(exceptions),
    enrolledTracks: new Set(tracks.map((t) => t.track)),
  };
}

export async function missionLock({ caller, mission, tx = db }: { caller: Pick<Caller, "id" | "role">; mission: Pick<Mission, "id" | "track" | "tier">; tx?: Tx }): Promise<LockState> {
  return lockState(mission, await gatingContext({ caller, tx }));
}
