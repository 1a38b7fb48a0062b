import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { cohortMembers, cohorts, mentorAssignments } from "@/lib/db/schema";
import { ROLES } from "@/lib/db/schema/enums";

// Admin: users, organisations, cohorts, membership and mentor assignments (SPEC §5 "Users, Cohorts
// and Mentor assignments"). Not scoped by caller: only admins reach them (users:manage), through the
// admin page and lib/cohorts/admin.ts.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listUsers({ q, role, limit = 100, tx = db }: { q?: string; role?: string; limit?: number; tx?: Tx }) {
  const where = [sql`true`];
  if (q) where.push(sql`(u.email ilike ${`%${q}%`} or u.name ilike ${`%${q}%`})`);
  if (role && (ROLES as readonly string[]).includes(role)) where.push(sql`u.role = ${role}`);
  return rows<{ id: string; name: string; email: string; role: string; organisation: string | null; cohorts: string | null; mentors: string | null; created_at: string | Date; deactivated: boolean }>(
    tx,
    sql`select u.id::text as id, u.name, u.email, u.role, o.name as organisation, u.created_at, u.deactivated_at is not null as deactivated,
          (select string_agg(c.name, ', ' order by c.name) from cohort_members cm join cohorts c on c.id = cm.cohort_id where cm.user_id = u.id) as cohorts,
          (select string_agg(distinct mu.name, ', ') from mentor_assignments ma join users mu on mu.id = ma.mentor_id
             where ma.learner_id = u.id or ma.cohort_id in (select cohort_id from cohort_members where user_id = u.id)) as mentors
        from users u left join organisations o on o.id = u.organisation_id
        where ${sql.join(where, sql` and `)}
        order by case u.role when 'admin' then 0 when 'mentor' then 1 when 'enterprise' then 2 else 3 end, u.name
        limit ${limit}`,
  );
}

export async function listOrganisations({ tx = db }: { tx?: Tx } = {}) {
  return rows<{ id: string; slug: string; name: string }>(tx, sql`select id::text as id, slug, name from organisations order by name`);
}

export async function cohortsWithMentors({ tx = db }: { tx?: Tx } = {}) {
  return rows<{ id: string; slug: string; name: string; organisation: string; members: number; mentors: string | null }>(
    tx,
    sql`select c.id::text as id, c.slug, c.name, o.name as organisation,
          (select count(*) from cohort_members cm where cm.cohort_id = c.id)::int as members,
          (select string_agg(u.name, ', ' order by u.name) from mentor_assignments ma join users u on u.id = ma.mentor_id where ma.cohort_id = c.id) as mentors
        from cohorts c join organisations o on o.id = c.organisation_id order by o.name, c.name`,
  );
}

/** Id, role and organisation of the account with this email (case-insensitive), or undefined. */
export async function userByEmail({ email, tx = db }: { email: string; tx?: Tx }) {
  const [u] = await rows<{ id: string; role: string; organisation_id: string | null }>(tx, sql`select id::text as id, role, organisation_id::text as organisation_id from users where lower(email) = ${email.toLowerCase()}`);
  return u;
}

/** A cohort by id or slug, or undefined. */
export async function cohortByRef({ ref, tx = db }: { ref: string; tx?: Tx }) {
  const [c] = await rows<{ id: string; organisation_id: string; name: string }>(
    tx,
    sql`select id::text as id, organisation_id::text as organisation_id, name from cohorts where ${UUID.test(ref) ? sql`id = ${ref}` : sql`slug = ${ref}`}`,
  );
  return c;
}

/** An organisation's id by id or slug, or undefined. */
export async function organisationIdByRef({ ref, tx = db }: { ref: string; tx?: Tx }) {
  const [org] = await rows<{ id: string }>(tx, sql`select id::text as id from organisations where ${UUID.test(ref) ? sql`id = ${ref}` : sql`slug = ${ref}`}`);
  return org?.id;
}

/** A taken slug fails with the database's unique violation. */
export async function insertCohort({ organisationId, name, slug, startsOn, tx = db }: { organisationId: string; name: string; slug: string; startsOn: Date | null; tx?: Tx }) {
  const [c] = await tx.insert(cohorts).values({ organisationId, name, slug, startsOn }).returning({ id: cohorts.id, slug: cohorts.slug, name: cohorts.name });
  return c;
}

/** Adds the user to the cohort; false when they were already in it. */
export async function insertCohortMember({ cohortId, userId, tx = db }: { cohortId: string; userId: string; tx?: Tx }) {
  const added = await tx.insert(cohortMembers).values({ cohortId, userId }).onConflictDoNothing().returning({ userId: cohortMembers.userId });
  return added.length > 0;
}

export async function setUserOrganisation({ userId, organisationId, tx = db }: { userId: string; organisationId: string; tx?: Tx }) {
  await tx.execute(sql`update users set organisation_id = ${organisationId} where id = ${userId}`);
}

/** Makes the mentor responsible for a cohort or one learner; false when they already were. */
export async function insertMentorAssignment({ mentorId, target, tx = db }: { mentorId: string; target: { cohortId: string } | { learnerId: string }; tx?: Tx }) {
  const r = await tx.insert(mentorAssignments).values({ mentorId, ...target }).onConflictDoNothing().returning({ id: mentorAssignments.id });
  return r.length > 0;
}

export async function learnerIdByEmail({ email, tx = db }: { email: string; tx?: Tx }) {
  const u = await userByEmail({ email, tx });
  return u?.id;
}
