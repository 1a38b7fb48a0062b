import "server-only";
import { db, type Tx } from "@/lib/db";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { findMission } from "@/lib/db/queries/missions";
import { effectivenessCounts, type DateRange } from "@/lib/db/queries/recipe-analytics";

/**
 * Recipe effectiveness (SPEC §3 "Analytics") as the caller may see it: admins over every reviewed
 * attempt, mentors over their own learners'. Anyone else is refused (403) here, whichever route or
 * page asks, rather than shown counts of nobody. `mission` is an id or a code.
 */
export async function recipeEffectiveness({ caller, mission, recipeSlug, range, tx = db }: { caller: Caller; mission?: string; recipeSlug?: string; range?: DateRange; tx?: Tx }) {
  if (caller.role !== "admin" && caller.role !== "mentor") throw errors.forbidden();
  let missionId: string | undefined;
  if (mission) {
    const m = await findMission({ idOrCode: mission, tx });
    if (!m) throw errors.notFound("Mission");
    missionId = m.id;
  }
  return effectivenessCounts({ caller, missionId, recipeSlug, range, tx });
}
