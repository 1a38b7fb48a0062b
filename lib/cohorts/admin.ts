import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { errors, isUniqueViolation } from "@/lib/errors";
import {
  cohortByRef,
  insertCohort,
  insertCohortMember,
  insertMentorAssignment,
  organisationIdByRef,
  setUserOrganisation,
  userByEmail,
} from "@/lib/db/queries/cohorts";
import type { cohortCreateSchema, memberAddSchema, mentorAssignSchema } from "./schemas";

// Admin writes on cohorts (SPEC §5 "Users, Cohorts and Mentor assignments"). Their server actions
// require users:manage; a reference that does not resolve is a field error on the form.

export async function createCohort({ input }: { input: z.output<typeof cohortCreateSchema> }) {
  const organisationId = await organisationIdByRef({ ref: input.organisation });
  if (!organisationId) throw errors.validation({ organisation: "unknown organisation" });
  try {
    return await insertCohort({ organisationId, name: input.name, slug: input.slug, startsOn: input.starts_on ? new Date(`${input.starts_on}T00:00:00Z`) : null });
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.validation({ slug: "is already used by another cohort" });
    throw e;
  }
}

/** Adds a learner to a cohort (idempotent). A learner without an organisation joins the cohort's. */
export async function addCohortMember({ input }: { input: z.output<typeof memberAddSchema> }) {
  const c = await cohortByRef({ ref: input.cohort });
  if (!c) throw errors.validation({ cohort: "unknown cohort" });
  const u = await userByEmail({ email: input.learner });
  if (!u) throw errors.validation({ learner: "no user with this email" });
  if (u.role !== "learner") throw errors.validation({ learner: `is a ${u.role}, not a learner` });
  return db.transaction(async (tx) => {
    const added = await insertCohortMember({ cohortId: c.id, userId: u.id, tx });
    if (!u.organisation_id) await setUserOrganisation({ userId: u.id, organisationId: c.organisation_id, tx });
    return { added, cohort: c.name };
  });
}

/** Makes a mentor responsible for one learner or a whole cohort (idempotent). */
export async function assignMentor({ input }: { input: z.output<typeof mentorAssignSchema> }) {
  const m = await userByEmail({ email: input.mentor });
  if (!m) throw errors.validation({ mentor: "no user with this email" });
  if (m.role !== "mentor" && m.role !== "admin") throw errors.validation({ mentor: `is a ${m.role}, not a mentor` });
  if (input.cohort) {
    const c = await cohortByRef({ ref: input.cohort });
    if (!c) throw errors.validation({ cohort: "unknown cohort" });
    return { added: await insertMentorAssignment({ mentorId: m.id, target: { cohortId: c.id } }), target: c.name };
  }
  const l = await userByEmail({ email: input.learner! });
  if (!l) throw errors.validation({ learner: "no user with this email" });
  if (l.role !== "learner") throw errors.validation({ learner: `is a ${l.role}, not a learner` });
  return { added: await insertMentorAssignment({ mentorId: m.id, target: { learnerId: l.id } }), target: input.learner! };
}
