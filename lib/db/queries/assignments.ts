import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { accessExceptions, assignments } from "@/lib/db/schema";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import type { AssignmentCreate, ExceptionCreate } from "@/lib/api/contracts/assignments";
import { canSeeLearner, mentorLearnerCondition } from "./access";
import { findMission } from "./missions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Cohort id by id or slug, if the caller may assign to it (admins any; mentors the cohorts they mentor). */
async function assignableCohort(caller: Caller, ref: string, tx: Tx) {
  const [c] = await rows<{ id: string }>(tx, sql`select id::text as id from cohorts where ${UUID.test(ref) ? sql`id = ${ref}` : sql`slug = ${ref}`}`);
  if (!c) return undefined;
  if (caller.role === "admin") return c.id;
  const r = await rows<{ ok: number }>(tx, sql`select 1 as ok from mentor_assignments where mentor_id = ${caller.id} and cohort_id = ${c.id}`);
  return r.length ? c.id : undefined;
}

async function assertLearner(caller: Caller, learnerId: string, tx: Tx) {
  const [u] = await rows<{ role: string }>(tx, sql`select role from users where id = ${learnerId}`);
  if (!u || !(await canSeeLearner({ caller, learnerId, tx }))) throw errors.notFound("Learner");
  if (u.role !== "learner") throw errors.rule("Only learners can be given missions.", { learner: "is not a learner" });
}

/**
 * Assigns a mission to a cohort or one learner, with an optional due date. Mentors may assign only
 * to their own learners and cohorts (anything else is "not found"); admins to anyone. Assigning the
 * same mission to the same target again updates the due date instead of duplicating (retries, double clicks).
 */
export async function createAssignment({ caller, input, tx = db }: { caller: Caller; input: AssignmentCreate; tx?: Tx }) {
  const mission = await findMission({ idOrCode: input.mission, tx });
  if (!mission) throw errors.notFound("Mission");
  let cohortId: string | undefined;
  if (input.cohort) {
    cohortId = await assignableCohort(caller, input.cohort, tx);
    if (!cohortId) throw errors.notFound("Cohort");
  } else {
    await assertLearner(caller, input.learner!, tx);
  }
  const dueAt = input.due_at ? new Date(input.due_at.length === 10 ? `${input.due_at}T23:59:59Z` : input.due_at) : null;
  const target = cohortId ? `c:${cohortId}` : `l:${input.learner}`;
  return tx.transaction(async (t) => {
    // Serialise concurrent assigns of the same mission to the same target.
    await t.execute(sql`select pg_advisory_xact_lock(hashtext(${`assign:${mission.id}:${target}`}))`);
    const [existing] = await rows<{ id: string }>(
      t,
      sql`select id::text as id from assignments where mission_id = ${mission.id} and ${cohortId ? sql`cohort_id = ${cohortId}` : sql`learner_id = ${input.learner!}`} limit 1`,
    );
    if (existing) {
      await t.update(assignments).set({ dueAt, assignedBy: caller.id }).where(sql`${assignments.id} = ${existing.id}`);
      return { created: false, assignment: (await listAssignments({ caller, id: existing.id, tx: t }))[0] };
    }
    const [row] = await t
      .insert(assignments)
      .values({ missionId: mission.id, cohortId: cohortId ?? null, learnerId: cohortId ? null : input.learner!, assignedBy: caller.id, dueAt })
      .returning({ id: assignments.id });
    return { created: true, assignment: (await listAssignments({ caller, id: row.id, tx: t }))[0] };
  });
}

/**
 * Assignments the caller may see: a learner their own (direct or through a cohort, with their
 * progress state), a mentor those of their learners and cohorts, an enterprise viewer those of
 * their organisation's cohorts and members, an admin all.
 */
export async function listAssignments({ caller, id, mission, cohort, learner, tx = db, now = new Date() }: { caller: Caller; id?: string; mission?: string; cohort?: string; learner?: string; tx?: Tx; now?: Date }) {
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
  const r = await rows<{
    id: string; mission_id: string; code: string; title: string; track: string; tier: string; cohort_id: string | null; cohort_slug: string | null; cohort_name: string | null;
    learner_id: string | null; learner_name: string | null; due_at: string | Date | null; created_at: string | Date; assigned_by: string; my_state: string | null; targets: number; done: number;
  }>(
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
  return r.map((a) => {
    const due = a.due_at ? new Date(a.due_at) : null;
    const finished = me ? !!a.my_state && !["in_progress", "changes_requested", "not_started"].includes(a.my_state) : Number(a.done) >= Number(a.targets);
    return {
      id: a.id,
      mission: { id: a.mission_id, code: a.code, title: a.title, track: a.track, tier: a.tier },
      cohort: a.cohort_id ? { id: a.cohort_id, slug: a.cohort_slug, name: a.cohort_name } : null,
      learner: a.learner_id ? { id: a.learner_id, name: a.learner_name } : null,
      due_at: due?.toISOString() ?? null,
      created_at: new Date(a.created_at).toISOString(),
      assigned_by: a.assigned_by,
      ...(me ? { state: a.my_state ?? "not_started" } : { targets: Number(a.targets), done: Number(a.done) }),
      overdue: !!due && due.getTime() < now.getTime() && !finished,
    };
  });
}
export type AssignmentView = Awaited<ReturnType<typeof listAssignments>>[number];

/**
 * Grants one learner access to one locked mission, recorded with who granted it and why. Admins
 * for anyone; mentors only for their own learners (anyone else is "not found"). Granting again
 * returns the existing exception unchanged.
 */
export async function grantException({ caller, input, tx = db }: { caller: Caller; input: ExceptionCreate; tx?: Tx }) {
  const mission = await findMission({ idOrCode: input.mission, tx });
  if (!mission) throw errors.notFound("Mission");
  await assertLearner(caller, input.learner, tx);
  const inserted = await tx
    .insert(accessExceptions)
    .values({ learnerId: input.learner, missionId: mission.id, grantedBy: caller.id, reason: input.reason })
    .onConflictDoNothing()
    .returning({ id: accessExceptions.id });
  const [row] = await rows<{ id: string; learner_id: string; mission_id: string; granted_by: string; granted_by_name: string; reason: string; created_at: string | Date }>(
    tx,
    sql`select x.id::text as id, x.learner_id::text as learner_id, x.mission_id::text as mission_id, x.granted_by::text as granted_by, u.name as granted_by_name, x.reason, x.created_at
        from access_exceptions x join users u on u.id = x.granted_by where x.learner_id = ${input.learner} and x.mission_id = ${mission.id}`,
  );
  return {
    created: inserted.length > 0,
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
