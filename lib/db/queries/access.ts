import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { cohortMembers, cohorts, mentorAssignments } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";

/** Whose scope a query runs in: the data layer needs no more of the caller than this. */
export interface Viewer {
  id: string;
  role: Role;
  organisationId: string | null;
}

/**
 * Who may see whose learning data (SPEC §1): a learner only themselves; a mentor the learners
 * assigned to them directly or through a cohort; an enterprise viewer the members of their
 * organisation's cohorts; an admin everyone. Every read of another person's data goes through here.
 */

/**
 * Every (mentor_id, user_id) pair: a mentor and each learner assigned to them, directly or through
 * a cohort — the relation mentorLearnerCondition tests for one mentor, for all mentors at once.
 */
export const mentorLearnerPairs = sql`(select ma.mentor_id, ma.learner_id as user_id from mentor_assignments ma where ma.learner_id is not null
  union select ma.mentor_id, cm.user_id from mentor_assignments ma join cohort_members cm on cm.cohort_id = ma.cohort_id)`;

/** SQL condition "learner column is visible to this mentor". */
export function mentorLearnerCondition(mentorId: string, learnerColumn: unknown) {
  return sql`${learnerColumn} in (
    select ${mentorAssignments.learnerId} from ${mentorAssignments} where ${mentorAssignments.mentorId} = ${mentorId} and ${mentorAssignments.learnerId} is not null
    union
    select ${cohortMembers.userId} from ${cohortMembers} join ${mentorAssignments} on ${mentorAssignments.cohortId} = ${cohortMembers.cohortId}
    where ${mentorAssignments.mentorId} = ${mentorId}
  )`;
}

export async function mentorLearnerIds({ mentorId, tx = db }: { mentorId: string; tx?: Tx }): Promise<string[]> {
  const direct = await tx
    .select({ id: mentorAssignments.learnerId })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.mentorId, mentorId), sql`${mentorAssignments.learnerId} is not null`));
  const viaCohort = await tx
    .select({ id: cohortMembers.userId })
    .from(cohortMembers)
    .innerJoin(mentorAssignments, eq(mentorAssignments.cohortId, cohortMembers.cohortId))
    .where(eq(mentorAssignments.mentorId, mentorId));
  return [...new Set([...direct, ...viaCohort].map((r) => r.id!).filter(Boolean))];
}

/** Cohorts the caller may see: admins all, enterprise their organisation's, mentors the ones they mentor. */
export async function visibleCohortIds({ caller, tx = db }: { caller: Viewer; tx?: Tx }): Promise<string[] | "all"> {
  if (caller.role === "admin") return "all";
  if (caller.role === "enterprise") {
    if (!caller.organisationId) return [];
    const r = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.organisationId, caller.organisationId));
    return r.map((c) => c.id);
  }
  if (caller.role === "mentor") {
    const r = await tx.select({ id: mentorAssignments.cohortId }).from(mentorAssignments).where(and(eq(mentorAssignments.mentorId, caller.id), sql`${mentorAssignments.cohortId} is not null`));
    return r.map((c) => c.id!);
  }
  return [];
}

/** Learner ids the caller may see, or "all" for admins. */
export async function visibleLearnerIds({ caller, tx = db }: { caller: Viewer; tx?: Tx }): Promise<string[] | "all"> {
  switch (caller.role) {
    case "admin":
      return "all";
    case "learner":
      return [caller.id];
    case "mentor":
      return mentorLearnerIds({ mentorId: caller.id, tx });
    case "enterprise": {
      const cohortIds = await visibleCohortIds({ caller, tx });
      if (cohortIds === "all" || cohortIds.length === 0) return cohortIds === "all" ? "all" : [];
      const r = await tx.selectDistinct({ id: cohortMembers.userId }).from(cohortMembers).where(inArray(cohortMembers.cohortId, cohortIds));
      return r.map((x) => x.id);
    }
  }
}

/** Whether the viewer may see a learner's data: one statement, whatever the role. */
export async function canSeeLearner({ caller, learnerId, tx = db }: { caller: Viewer; learnerId: string; tx?: Tx }): Promise<boolean> {
  if (caller.role === "admin" || caller.id === learnerId) return true;
  if (caller.role === "learner") return false;
  const learner = sql`${learnerId}::uuid`;
  const visible =
    caller.role === "mentor"
      ? mentorLearnerCondition(caller.id, learner)
      : sql`${learner} in (select ${cohortMembers.userId} from ${cohortMembers} join ${cohorts} on ${cohorts.id} = ${cohortMembers.cohortId} where ${cohorts.organisationId} = ${caller.organisationId})`;
  const [r] = await rows<{ ok: boolean }>(tx, sql`select ${visible} as ok`);
  return r?.ok === true;
}

/**
 * Whether the viewer may open a learner's raw work (evidence files): the learner, their mentors
 * and admins. Enterprise viewers see dashboards only (SPEC §1), even of their own organisation.
 */
export async function canSeeLearnerWork({ caller, learnerId, tx = db }: { caller: Viewer; learnerId: string; tx?: Tx }): Promise<boolean> {
  if (caller.role === "enterprise") return false;
  return canSeeLearner({ caller, learnerId, tx });
}
