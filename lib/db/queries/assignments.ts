import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { accessExceptions, assignments } from "@/lib/db/schema";
import { mentorLearnerCondition, type Viewer } from "./access";

// Assignments (a mission for a cohort or one learner, with an optional due date) and access
// exceptions (one learner may start one locked mission). Rules and JSON: lib/assignments/.


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cohort id by id or slug, if the caller may assign to it (admins any; mentors the cohorts they mentor). */
export async function assignableCohortId({ caller, ref, tx = db }: { caller: Viewer; ref: string; tx?: Tx }) {
  const [c] = await rows<{ id: string }>(tx, sql`select id::text as id from cohorts where ${UUID.test(ref) ? sql`id = ${ref}` : sql`slug = ${ref}`}`);
  if (!c) return undefined;
  if (caller.role === "admin") return c.id;
  const r = await rows<{ ok: number }>(tx, sql`select 1 as ok from mentor_assignments where mentor_id = ${caller.id} and cohort_id = ${c.id}`);
  return r.length ? c.id : undefined;
}

/**
 * Assigns the mission to the cohort or learner, or moves the due date of the assignment that is
 * already there (retries, double clicks). Run it in a transaction: the advisory lock serialises
 * concurrent assigns of the same mission to the same target until commit.
 */
export async function upsertAssignment({ missionId, cohortId, learnerId, assignedBy, dueAt, tx }: {
  missionId: string;
  cohortId: string | null;
  learnerId: string | null;
  assignedBy: string;
  dueAt: Date | null;
  tx: Tx;
}): Promise<{ created: boolean; id: string }> {
  const target = cohortId ? `c:${cohortId}` : `l:${learnerId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assign:${missionId}:${target}`}))`);
  const [existing] = await rows<{ id: string }>(
    tx,
    sql`select id::text as id from assignments where mission_id = ${missionId} and ${cohortId ? sql`cohort_id = ${cohortId}` : sql`learner_id = ${learnerId!}`} limit 1`,
  );
  if (existing) {
    await tx.update(assignments).set({ dueAt, assignedBy }).where(sql`${assignments.id} = ${existing.id}`);
    return { created: false, id: existing.id };
  }
  const [row] = await tx.insert(assignments).values({ missionId, cohortId, learnerId: cohortId ? null : learnerId, assignedBy, dueAt }).returning({ id: assignments.id });
  return { created: true, id: row.id };
}

export interface AssignmentRow {
  id: string;
  mission_id: string;
  code: string;
  title: string;
  track: string;
  tier: string;
  cohort_id: string | null;
  cohort_slug: string | null;
  cohort_name: string | null;
  learner_id: string | null;
  learner_name: string | null;
  due_at: string | Date | null;
  created_at: string | Date;
  assigned_by: string;
  /** A learner's own latest attempt state on the mission (null for other roles). */
  my_state: string | null;
  /** Learners targeted (cohort size, or 1) and how many of them have submitted. */
  targets: number;
  done: number;
}

/**
 * Assignments the caller may see: a learner their own (direct or through a cohort, with their
 * progress state), a mentor those of their learners and cohorts, an enterprise viewer those of
 * their organisation's cohorts and members, an admin all. Soonest due first.
 */
export async function assignmentRows({ caller, id, mission, cohort, learner, tx = db }: { caller: Viewer; id?: string; mission?: string; cohort?: string; learner?: string; tx?: Tx }) {
  let scope;
  switch (caller.role) {
    case "admin":
      scope = sql`true`;
      break;
    case "learner":
      scope = sql`(a.learner_id = ${caller.id} or a.cohort_id in (select cohort_id from cohort_members where user_id = ${caller.id}))`;
      break;
    case "mentor":
      scope = sql`(${mentorLearnerCondition(caller.id, sql`a.learner_id`)} or a.cohort_id in (select cohort_id from mentor_assignments where mentor_id = ${caller.id} and cohort_id is not null))`;
      break;
    case "enterprise":
      scope = caller.organisationId
        ? sql`(a.cohort_id in (select id from cohorts where organisation_id = ${caller.organisationId})
              or a.learner_id in (select cm.user_id from cohort_members cm join cohorts c on c.id = cm.cohort_id where c.organisation_id = ${caller.organisationId}))`
        : sql`false`;
      break;
  }
  const filters = [scope];
  if (id) filters.push(sql`a.id = ${id}`);
  if (mission) filters.push(UUID.test(mission) ? sql`a.mission_id = ${mission}` : sql`m.code = ${mission.toUpperCase()}`);
  if (cohort) filters.push(UUID.test(cohort) ? sql`a.cohort_id = ${cohort}` : sql`c.slug = ${cohort}`);
  if (learner) filters.push(sql`a.learner_id = ${learner}`);
  const me = caller.role === "learner" ? caller.id : null;
  return rows<AssignmentRow>(
    tx,
    sql`select a.id::text as id, a.mission_id::text as mission_id, m.code, m.title, m.track, m.tier,
          a.cohort_id::text as cohort_id, c.slug as cohort_slug, c.name as cohort_name,
          a.learner_id::text as learner_id, lu.name as learner_name, a.due_at, a.created_at, bu.name as assigned_by,
          ${me ? sql`(select q.state from mission_progress q where q.user_id = ${me} and q.mission_id = a.mission_id order by q.attempt desc limit 1)` : sql`null::text`} as my_state,
          (case when a.cohort_id is not null then (select count(*) from cohort_members x where x.cohort_id = a.cohort_id) else 1 end)::int as targets,
          (select count(distinct q.user_id) from mission_progress q where q.mission_id = a.mission_id and q.submitted_at is not null
             and (case when a.cohort_id is not null then q.user_id in (select user_id from cohort_members x where x.cohort_id = a.cohort_id) else q.user_id = a.learner_id end))::int as done
        from assignments a join missions m on m.id = a.mission_id
        left join cohorts c on c.id = a.cohort_id left join users lu on lu.id = a.learner_id left join users bu on bu.id = a.assigned_by
        where ${sql.join(filters, sql` and `)}
        order by a.due_at nulls last, a.created_at desc
        limit 500`,
  );
}

/** Records an access exception; false when the learner already had one for the mission (kept unchanged). */
export async function insertAccessException({ learnerId, missionId, grantedBy, reason, tx = db }: { learnerId: string; missionId: string; grantedBy: string; reason: string; tx?: Tx }) {
  const inserted = await tx.insert(accessExceptions).values({ learnerId, missionId, grantedBy, reason }).onConflictDoNothing().returning({ id: accessExceptions.id });
  return inserted.length > 0;
}

/** A learner's access exception for a mission, with who granted it. */
export async function accessException({ learnerId, missionId, tx = db }: { learnerId: string; missionId: string; tx?: Tx }) {
  const [row] = await rows<{ id: string; learner_id: string; mission_id: string; granted_by: string; granted_by_name: string; reason: string; created_at: string | Date }>(
    tx,
    sql`select x.id::text as id, x.learner_id::text as learner_id, x.mission_id::text as mission_id, x.granted_by::text as granted_by, u.name as granted_by_name, x.reason, x.created_at
        from access_exceptions x join users u on u.id = x.granted_by where x.learner_id = ${learnerId} and x.mission_id = ${missionId}`,
  );
  return row;
}
