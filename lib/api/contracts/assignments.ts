import { z } from "zod";
import { defineContract } from "../contract";
import { isoDayOrDateTime } from "@/lib/api/dates";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const assignmentCreateSchema = z
  .object({
    mission: z.string().trim().min(1, "required").max(80),
    cohort: z.preprocess(blank, z.string().trim().min(1).max(80).optional()),
    learner: z.preprocess(blank, z.uuid("must be a user id").optional()),
    due_at: z.preprocess(blank, isoDayOrDateTime("must be an ISO date or date-time").optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.cohort === !v.learner) {
      ctx.addIssue({ code: "custom", path: [v.cohort ? "learner" : "cohort"], message: "give either a cohort or a learner, not both" });
    }
  });
export type AssignmentCreate = z.output<typeof assignmentCreateSchema>;

export const exceptionCreateSchema = z.object({
  learner: z.uuid("must be a user id"),
  mission: z.string().trim().min(1, "required").max(80),
  reason: z.string().trim().min(5, "say why in a few words (5+ characters)").max(1000),
});
export type ExceptionCreate = z.output<typeof exceptionCreateSchema>;

const listQuery = z.object({
  mission: z.string().max(80).optional(),
  cohort: z.string().max(80).optional(),
  learner: z.uuid().optional(),
});

export const assignmentSchema = z.object({
  id: z.uuid(),
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string(), track: z.string(), tier: z.string() }),
  cohort: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
  learner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  due_at: z.string().nullable(),
  created_at: z.string(),
  assigned_by: z.string(),
  state: z.string().optional().describe("learners: their progress on the mission"),
  targets: z.number().int().optional(),
  done: z.number().int().optional(),
  overdue: z.boolean(),
});

const T = "Assignments";

export const create = defineContract({
  method: "post",
  path: "/assignments",
  tag: T,
  summary: "Assign a mission to a cohort or a learner, with an optional due date",
  description: "Exactly one of `cohort` (id or slug) and `learner`. Mentors only for their own learners and cohorts (404 otherwise). Assigning the same mission to the same target again updates the due date (200) instead of duplicating. An assignment does not bypass gating.",
  permission: "assignments:create",
  body: assignmentCreateSchema,
  response: assignmentSchema,
  status: 201,
  errors: [404, 422],
});

export const list = defineContract({
  method: "get",
  path: "/assignments",
  tag: T,
  summary: "Assignments the caller may see (learners: their own, including through cohorts)",
  permission: "assignments:read",
  query: listQuery,
  response: z.object({ assignments: z.array(assignmentSchema) }),
});

export const grantException = defineContract({
  method: "post",
  path: "/admin/exceptions",
  tag: T,
  summary: "Grant one learner access to one locked mission, with a reason",
  description: "Admins for anyone, mentors for their own learners (404 otherwise). Recorded with who granted it and why; granting again returns the existing exception (200).",
  permission: "exceptions:grant",
  body: exceptionCreateSchema,
  response: z.object({ id: z.uuid(), learner: z.uuid(), mission: z.object({ id: z.uuid(), code: z.string(), title: z.string() }), granted_by: z.object({ id: z.uuid(), name: z.string() }), reason: z.string(), created_at: z.string() }),
  status: 201,
  errors: [404, 422],
});
