"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { errors } from "@/lib/errors";
import { learnerIdByEmail } from "@/lib/db/queries/cohorts";
import { addCohortMember, assignMentor, createCohort } from "@/lib/cohorts/admin";
import { cohortCreateSchema, memberAddSchema, mentorAssignSchema } from "@/lib/cohorts/schemas";
import { createAssignment } from "@/lib/assignments/assign";
import { grantException } from "@/lib/assignments/exceptions";
import { setUnlockThreshold } from "@/lib/catalogue/gating";
import { isoDay } from "@/lib/api/dates";
import { setAccountActive } from "@/lib/auth/deactivate";

const blank = (v: unknown) => (v === "" ? undefined : v);

export const createCohortAction = action({ schema: cohortCreateSchema, permission: "users:manage" }, async (input) => {
  const c = await createCohort({ input });
  revalidatePath("/admin/users");
  return { ok: true, message: `Cohort “${c.name}” created.` };
});

export const addMemberAction = action({ schema: memberAddSchema, permission: "users:manage" }, async (input) => {
  const r = await addCohortMember({ input });
  revalidatePath("/admin/users");
  return { ok: true, message: r.added ? `${input.learner} added to ${r.cohort}.` : `${input.learner} was already in ${r.cohort}.` };
});

export const assignMentorAction = action({ schema: mentorAssignSchema, permission: "users:manage" }, async (input) => {
  const r = await assignMentor({ input });
  revalidatePath("/admin/users");
  return { ok: true, message: r.added ? `${input.mentor} now mentors ${r.target}.` : `${input.mentor} already mentors ${r.target}.` };
});

const assignMissionForm = z
  .object({
    mission: z.string().trim().min(1, "choose a mission"),
    cohort: z.preprocess(blank, z.string().optional()),
    learner: z.preprocess(blank, z.email("enter an email").optional()),
    due_at: z.preprocess(blank, isoDay("must be a date").optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.cohort === !v.learner) ctx.addIssue({ code: "custom", path: ["cohort"], message: "choose a cohort or enter a learner, not both" });
  });

export const assignMissionAction = action({ schema: assignMissionForm, permission: "assignments:create" }, async (input, caller) => {
  let learner: string | undefined;
  if (input.learner) {
    learner = await learnerIdByEmail({ email: input.learner });
    if (!learner) throw errors.validation({ learner: "no user with this email" });
  }
  const r = await createAssignment({ caller, input: { mission: input.mission, cohort: input.cohort, learner, due_at: input.due_at } });
  revalidatePath("/admin/users");
  return { ok: true, message: `${r.assignment.mission.code} ${r.created ? "assigned" : "assignment updated"}${r.assignment.due_at ? `, due ${r.assignment.due_at.slice(0, 10)}` : ""}.` };
});

const exceptionForm = z.object({
  learner: z.email("enter the learner's email"),
  mission: z.string().trim().min(1, "choose a mission"),
  reason: z.string().trim().min(5, "say why in a few words (5+ characters)").max(1000),
});

export const grantExceptionAction = action({ schema: exceptionForm, permission: "exceptions:grant" }, async (input, caller) => {
  const learner = await learnerIdByEmail({ email: input.learner });
  if (!learner) throw errors.validation({ learner: "no user with this email" });
  const r = await grantException({ caller, input: { learner, mission: input.mission, reason: input.reason } });
  revalidatePath("/admin/users");
  return { ok: true, message: r.created ? `${input.learner} may now start ${r.exception.mission.code}.` : `${input.learner} already had access to ${r.exception.mission.code} (granted by ${r.exception.granted_by.name}).` };
});

export const setUnlockThresholdAction = action(
  { schema: z.object({ threshold: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").max(20, "must be at most 20") }), permission: "users:manage" },
  async ({ threshold }, caller) => {
    await setUnlockThreshold({ caller, value: threshold });
    revalidatePath("/admin/users");
    revalidatePath("/dashboard");
    return { ok: true, message: `A tier now unlocks after ${threshold} passed mission${threshold === 1 ? "" : "s"} of the tier before it.` };
  },
);

export const setAccountActiveAction = action(
  { schema: z.object({ id: z.uuid(), active: z.enum(["0", "1"]) }), permission: "users:manage" },
  async (input, caller) => {
    await setAccountActive({ caller, userId: input.id, active: input.active === "1" });
    revalidatePath("/admin/users");
    return { ok: true, message: input.active === "1" ? "Account reactivated." : "Account deactivated; its sessions have ended." };
  },
);
