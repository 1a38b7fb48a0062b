import { z } from "zod";

// Request bodies of POST /assignments and POST /admin/exceptions (lib/assignments/assign.ts, exceptions.ts).

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const assignmentCreateSchema = z
  .object({
    mission: z.string().trim().min(1, "required").max(80),
    cohort: z.preprocess(blank, z.string().trim().min(1).max(80).optional()),
    learner: z.preprocess(blank, z.uuid("must be a user id").optional()),
    due_at: z.preprocess(blank, z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO date or date-time" }).optional()),
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
