import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import { assignmentRows, type AssignmentRow } from "@/lib/db/queries/assignments";

// Attempt states in which a learner has not yet handed the assigned mission in.
const UNFINISHED = ["in_progress", "changes_requested", "not_started"];

/**
 * An assignment as the API shows it. A learner sees their own state; everyone else how many of the
 * targeted learners submitted. Overdue: past the due date and not finished (by the learner, or by
 * every targeted learner).
 */
export function toAssignment(a: AssignmentRow, forLearner: boolean, now: Date) {
  const due = a.due_at ? new Date(a.due_at) : null;
  const finished = forLearner ? !!a.my_state && !UNFINISHED.includes(a.my_state) : Number(a.done) >= Number(a.targets);
  return {
    id: a.id,
    mission: { id: a.mission_id, code: a.code, title: a.title, track: a.track, tier: a.tier },
    cohort: a.cohort_id ? { id: a.cohort_id, slug: a.cohort_slug, name: a.cohort_name } : null,
    learner: a.learner_id ? { id: a.learner_id, name: a.learner_name } : null,
    due_at: due?.toISOString() ?? null,
    created_at: new Date(a.created_at).toISOString(),
    assigned_by: a.assigned_by,
    ...(forLearner ? { state: a.my_state ?? "not_started" } : { targets: Number(a.targets), done: Number(a.done) }),
    overdue: !!due && due.getTime() < now.getTime() && !finished,
  };
}
export type AssignmentView = ReturnType<typeof toAssignment>;

/** Assignments the caller may see (lib/db/queries/assignments.ts, assignmentRows), with the filters given. */
export async function listAssignments({ caller, id, mission, cohort, learner, tx = db, now = new Date() }: {
  caller: Caller;
  id?: string;
  mission?: string;
  cohort?: string;
  learner?: string;
  tx?: Tx;
  now?: Date;
}): Promise<AssignmentView[]> {
  const found = await assignmentRows({ caller, id, mission, cohort, learner, tx });
  return found.map((a) => toAssignment(a, caller.role === "learner", now));
}
