import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { assignableCohortId, upsertAssignment } from "@/lib/db/queries/assignments";
import { findMission } from "@/lib/db/queries/missions";
import { assertGivableLearner } from "./learners";
import { listAssignments } from "./list";
import type { AssignmentCreate } from "@/lib/api/contracts/assignments";

/**
 * Assigns a mission to a cohort or one learner, with an optional due date (a bare date means the end
 * of that day, UTC). Mentors may assign only to their own learners and cohorts (anything else is
 * "not found"); admins to anyone. Assigning the same mission to the same target again updates the
 * due date instead of duplicating (retries, double clicks).
 */
export async function createAssignment({ caller, input }: { caller: Caller; input: AssignmentCreate }) {
  const mission = await findMission({ idOrCode: input.mission });
  if (!mission) throw errors.notFound("Mission");
  let cohortId: string | undefined;
  if (input.cohort) {
    cohortId = await assignableCohortId({ caller, ref: input.cohort });
    if (!cohortId) throw errors.notFound("Cohort");
  } else {
    await assertGivableLearner(caller, input.learner!);
  }
  const dueAt = input.due_at ? new Date(input.due_at.length === 10 ? `${input.due_at}T23:59:59Z` : input.due_at) : null;
  return db.transaction(async (tx) => {
    const r = await upsertAssignment({ missionId: mission.id, cohortId: cohortId ?? null, learnerId: cohortId ? null : input.learner!, assignedBy: caller.id, dueAt, tx });
    return { created: r.created, assignment: (await listAssignments({ caller, id: r.id, tx }))[0] };
  });
}
