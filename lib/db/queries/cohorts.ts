import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { cohortMembers, cohorts, mentorAssignments, organisations } from "@/lib/db/schema";
import { errors, isUniqueViolation } from "@/lib/errors";
import { ROLES } from "@/lib/db/schema/enums";

// Admin: users, organisations, cohorts, membership and mentor assignments (SPEC §5 "Users, Cohorts
// and Mentor assignments"). Callers check the users:manage permission first.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const cohortCreateSchema = z.object({
  organisation: z.string().trim().min(1, "choose an organisation").max(80),
  name: z.string().trim().min(3, "at least 3 characters").max(120),
  slug: z.string().trim().toLowerCase().regex(SLUG, "lowercase letters, digits and dashes (e.g. northwind-soc-2027)"),
  starts_on: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("must be a date").optional()),
});
export const memberAddSchema = z.object({ cohort: z.string().trim().min(1, "choose a cohort"), learner: z.email("enter the learner's email") });
export const mentorAssignSchema = z
  .object({
    mentor: z.email("enter the mentor's email"),
    learner: z.preprocess((v) => (v === "" ? undefined : v), z.email("enter an email").optional()),
    cohort: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.learner === !v.cohort) ctx.addIssue({ code: "custom", path: ["cohort"], message: "choose a cohort or enter a learner, not both" });
  });

export async function listUsers({ q, role, limit = 100, tx = db }: { q?: string; role?: string; limit?: number; tx?: Tx }) {
  const where = [sql`true`];
  if (q) where.push(sql`(u.email ilike ${`%${q}%`} or u.name ilike ${`%${q}%`})`);
  if (role && (ROLES as readonly string[]).includes(role)) where.push(sql`u.role = ${role}`);
  return rows<{ id: string; name: string; email: string; role: string; organisation: string | null; cohorts: string | null; mentors: string | null; created_at: string | Date }>(
    tx,
    sql`select u.id::text as id, u.name, u.email, u.role, o.name as organisation, u.created_at,
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

async function userByEmail(tx: Tx, email: string) {
  const [u] = await rows<{ id: string; role: string; organisation_id: string | null }>(tx, sql`select id::text as id, role, organisation_id::text as organisation_id from users where lower(email) = ${email.toLowerCase()}`);
  return u;
}
async function cohortByRef(tx: Tx, ref: string) {
  const [c] = await rows<{ id: string; organisation_id: string; name: string }>(
    tx,
    sql`select id::text as id, organisation_id::text as organisation_id, name from cohorts where ${UUID.test(ref) ? sql`id = ${ref}` : sql`slug = ${ref}`}`,
  );
  return c;
}

export async function createCohort({ input, tx = db }: { input: z.output<typeof cohortCreateSchema>; tx?: Tx }) {
  const [org] = await rows<{ id: string }>(tx, sql`select id::text as id from organisations where ${UUID.test(input.organisation) ? sql`id = ${input.organisation}` : sql`slug = ${input.organisation}`}`);
  if (!org) throw errors.validation({ organisation: "unknown organisation" });
  try {
    const [c] = await tx
      .insert(cohorts)
      .values({ organisationId: org.id, name: input.name, slug: input.slug, startsOn: input.starts_on ? new Date(`${input.starts_on}T00:00:00Z`) : null })
      .returning({ id: cohorts.id, slug: cohorts.slug, name: cohorts.name });
    return c;
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.validation({ slug: "is already used by another cohort" });
    throw e;
  }
}

/** Adds a learner to a cohort (idempotent). A learner without an organisation joins the cohort's. */
export async function addCohortMember({ input, tx = db }: { input: z.output<typeof memberAddSchema>; tx?: Tx }) {
  const c = await cohortByRef(tx, input.cohort);
  if (!c) throw errors.validation({ cohort: "unknown cohort" });
  const u = await userByEmail(tx, input.learner);
  if (!u) throw errors.validation({ learner: "no user with this email" });
  if (u.role !== "learner") throw errors.validation({ learner: `is a ${u.role}, not a learner` });
  return tx.transaction(async (t) => {
    const added = await t.insert(cohortMembers).values({ cohortId: c.id, userId: u.id }).onConflictDoNothing().returning({ userId: cohortMembers.userId });
    if (!u.organisation_id) await t.execute(sql`update users set organisation_id = ${c.organisation_id} where id = ${u.id}`);
    return { added: added.length > 0, cohort: c.name };
  });
}

/** Makes a mentor responsible for one learner or a whole cohort (idempotent). */
export async function assignMentor({ input, tx = db }: { input: z.output<typeof mentorAssignSchema>; tx?: Tx }) {
  const m = await userByEmail(tx, input.mentor);
  if (!m) throw errors.validation({ mentor: "no user with this email" });
  if (m.role !== "mentor" && m.role !== "admin") throw errors.validation({ mentor: `is a ${m.role}, not a mentor` });
  if (input.cohort) {
    const c = await cohortByRef(tx, input.cohort);
    if (!c) throw errors.validation({ cohort: "unknown cohort" });
    const r = await tx.insert(mentorAssignments).values({ mentorId: m.id, cohortId: c.id }).onConflictDoNothing().returning({ id: mentorAssignments.id });
    return { added: r.length > 0, target: c.name };
  }
  const l = await userByEmail(tx, input.learner!);
  if (!l) throw errors.validation({ learner: "no user with this email" });
  if (l.role !== "learner") throw errors.validation({ learner: `is a ${l.role}, not a learner` });
  const r = await tx.insert(mentorAssignments).values({ mentorId: m.id, learnerId: l.id }).onConflictDoNothing().returning({ id: mentorAssignments.id });
  return { added: r.length > 0, target: input.learner! };
}

export async function learnerIdByEmail({ email, tx = db }: { email: string; tx?: Tx }) {
  const u = await userByEmail(tx, email);
  return u?.id;
}

export { organisations };
