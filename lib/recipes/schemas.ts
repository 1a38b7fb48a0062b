import { z } from "zod";
import { RECIPE_DIFFICULTIES, RECIPE_TYPES } from "@/lib/db/schema/enums";

// Inputs of the recipe endpoints and pages, shared by route handlers, pages and the OpenAPI docs.

/** "" (an empty select in a GET form) means "not set". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const RECIPE_SORTS = ["relevance", "popular", "rating", "newest"] as const;
export type RecipeSort = (typeof RECIPE_SORTS)[number];
export const RECIPE_EVENTS = ["viewed", "step_completed", "completed", "marked_used"] as const;

export const libraryQuerySchema = z.object({
  q: opt(z.string().trim().max(200, "must be at most 200 characters")),
  skill: opt(z.string().trim().max(64)),
  type: opt(z.enum(RECIPE_TYPES)),
  difficulty: opt(z.enum(RECIPE_DIFFICULTIES)),
  tool: opt(z.string().trim().max(100)),
  max_minutes: opt(z.coerce.number().int("must be a whole number").min(5, "must be 5–60").max(60, "must be 5–60")),
  bookmarked: opt(bool),
  completed: opt(bool),
  sort: z.preprocess(blank, z.enum(RECIPE_SORTS).default("relevance")),
  page: z.preprocess(blank, z.coerce.number().int().min(1, "must be ≥ 1").max(10_000).default(1)),
  page_size: z.preprocess(blank, z.coerce.number().int().min(1, "must be 1–50").max(50, "must be 1–50").default(12)),
});
export type LibraryQuery = z.output<typeof libraryQuerySchema>;

/**
 * For pages: parse what is valid and drop what is not (a hand-edited URL should not break the
 * library); the API uses the strict schema and answers 400 instead.
 */
export function parseLibraryQuery(raw: Record<string, string | string[] | undefined>): LibraryQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined) flat[k] = s;
  }
  for (let i = 0; i < 12; i++) {
    const r = libraryQuerySchema.safeParse(flat);
    if (r.success) return r.data;
    for (const issue of r.error.issues) delete flat[String(issue.path[0])];
  }
  return libraryQuerySchema.parse({});
}

export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "not a recipe slug") });

export const progressBodySchema = z
  .object({
    event: z.enum(RECIPE_EVENTS, "must be one of viewed, step_completed, completed, marked_used"),
    /** 1-based step number (the `step` field of the detail's steps). */
    step: z.number().int("must be a whole number").min(1, "must be ≥ 1").max(100).optional(),
    duration_ms: z.number().int("must be a whole number").min(0, "must be ≥ 0").max(86_400_000, "must be at most 24 hours").optional(),
    mission: z.string().trim().min(1).max(80).optional(),
    stage: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a stage key").optional(),
  })
  .superRefine((b, ctx) => {
    if (b.event === "step_completed" && b.step === undefined) ctx.addIssue({ code: "custom", path: ["step"], message: "is required for step_completed" });
    if (b.event === "marked_used") {
      if (!b.mission) ctx.addIssue({ code: "custom", path: ["mission"], message: "is required for marked_used" });
      if (!b.stage) ctx.addIssue({ code: "custom", path: ["stage"], message: "is required for marked_used" });
    }
  });
export type ProgressBody = z.output<typeof progressBodySchema>;

export const ratingBodySchema = z.object({
  rating: z.number("must be a number from 1 to 5").int("must be a whole number from 1 to 5").min(1, "must be 1–5").max(5, "must be 1–5"),
});

export const recommendationsQuerySchema = z
  .object({
    mission: opt(z.string().trim().min(1).max(80)),
    stage: opt(z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a stage key")),
    limit: z.preprocess(blank, z.coerce.number().int().min(1, "must be 1–20").max(20, "must be 1–20").default(5)),
  })
  .refine((q) => !q.stage || q.mission, { path: ["stage"], message: "needs a mission" });

export const effectivenessQuerySchema = z
  .object({
    mission: opt(z.string().trim().min(1).max(80)),
    recipe: opt(z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a recipe slug")),
    from: opt(z.iso.date("must be a date (YYYY-MM-DD)")),
    to: opt(z.iso.date("must be a date (YYYY-MM-DD)")),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });
