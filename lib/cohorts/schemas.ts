import { z } from "zod";
import { isoDay } from "@/lib/api/dates";

// The admin page's forms for cohorts, membership and mentor assignments (lib/cohorts/admin.ts).

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const cohortCreateSchema = z.object({
  organisation: z.string().trim().min(1, "choose an organisation").max(80),
  name: z.string().trim().min(3, "at least 3 characters").max(120),
  slug: z.string().trim().toLowerCase().regex(SLUG, "lowercase letters, digits and dashes (e.g. northwind-soc-2027)"),
  starts_on: z.preprocess((v) => (v === "" ? undefined : v), isoDay("must be a date").optional()),
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
