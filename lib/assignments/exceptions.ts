import "server-only";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { accessException, insertAccessException } from "@/lib/db/queries/assignments";
import { findMission } from "@/lib/db/queries/missions";
import { assertGivableLearner } from "./learners";
import type { ExceptionCreate } from "@/lib/api/contracts/assignments";

/**
 * Grants one learner access to one locked mission, recorded with who granted it and why. Admins
 * for anyone; mentors only for their own learners (anyone else is "not found"). Granting again
 * returns the existing exception unchanged.
 */
export async function grantException({ caller, input }: { caller: Caller; input: ExceptionCreate }) {
  const mission = await findMission({ idOrCode: input.mission });
  if (!mission) throw errors.notFound("Mission");
  await assertGivableLearner(caller, input.learner);
  const created = await insertAccessException({ learnerId: input.learner, missionId: mission.id, grantedBy: caller.id, reason: input.reason });
  const row = await accessException({ learnerId: input.learner, missionId: mission.id });
  return {
    created,
    exception: {
      id: row.id,
      learner: row.learner_id,
      mission: { id: mission.id, code: mission.code, title: mission.title },
      granted_by: { id: row.granted_by, name: row.granted_by_name },
      reason: row.reason,
      created_at: new Date(row.created_at).toISOString(),
    },
  };
}
