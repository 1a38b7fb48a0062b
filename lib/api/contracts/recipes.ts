import { z } from "zod";
import { RECIPE_DIFFICULTIES, RECIPE_SORTS, RECIPE_TYPES } from "@/lib/db/schema/enums";
import { defineContract } from "../contract";
import { isoDay } from "@/lib/api/dates";

// The recipe pages and server actions parse with these schemas too.

/** "" (an empty select in a GET form) means "not set". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

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
    from: opt(isoDay()),
    to: opt(isoDay()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

const card = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  type: z.string(),
  difficulty: z.string(),
  estimated_minutes: z.number().int(),
  skills: z.array(z.string()),
  tools: z.array(z.string()),
  mentor_curated: z.boolean(),
  usage_count: z.number().int().describe("Learners who completed it or marked it used in a mission"),
  rating_average: z.number().nullable(),
  rating_count: z.number().int(),
  bookmarked: z.boolean(),
  completed: z.boolean(),
  rank: z.number().optional().describe("Full-text relevance (ts_rank) when `q` is given"),
});

const progress = z.object({
  steps_completed: z.array(z.number().int()).describe("1-based step numbers"),
  completed: z.boolean(),
  completed_at: z.string().nullable(),
  view_count: z.number().int(),
  last_viewed_at: z.string().nullable(),
});

const detailSchema = card.omit({ usage_count: true, rank: true, completed: true }).extend({
  description: z.string(),
  prerequisites: z.array(z.object({ slug: z.string(), title: z.string(), completed: z.boolean() })),
  inputs: z.array(z.string()),
  environment: z.string(),
  validation_checks: z.array(z.string()),
  related: z.array(z.string()),
  status: z.string(),
  version: z.number().int(),
  steps: z.array(
    z.object({
      step: z.number().int().describe("1-based; the `step` of a step_completed event"),
      title: z.string(),
      body: z.string().describe("Markdown"),
      command: z.string().nullable(),
      expected_outcome: z.string(),
      evidence_hint: z.string().nullable(),
      completed: z.boolean(),
    }),
  ),
  used_in: z.object({
    missions: z.array(z.object({ code: z.string(), title: z.string(), track: z.string(), tier: z.string(), stages: z.array(z.object({ key: z.string(), title: z.string(), number: z.number().int() })) })),
    modules: z.array(z.object({ slug: z.string(), title: z.string() })),
  }),
  usage_count: z.number().int(),
  progress,
  my_rating: z.number().int().nullable(),
  can_rate: z.boolean(),
});

const reasoned = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  difficulty: z.string(),
  estimated_minutes: z.number().int(),
  score: z.number(),
  reasons: z.array(z.string()).describe("Why it is listed, in words"),
});

const group = z.object({ attempts: z.number().int(), passed: z.number().int(), pass_rate: z.number().nullable(), mean_score: z.number().nullable() });

const T = "Recipes";

export const library = defineContract({
  method: "get",
  path: "/recipes",
  tag: T,
  summary: "Recipe library: full-text search, filters, sort and pages",
  description:
    "`q` uses web-search syntax (quoted phrases, `-word` to exclude) over title, summary, description, steps, skills and tools. Filters combine (AND). `bookmarked`/`completed` are the caller's own.",
  permission: "recipes:read",
  query: libraryQuerySchema,
  response: z.object({ items: z.array(card), total: z.number().int(), page: z.number().int(), page_size: z.number().int(), pages: z.number().int() }),
});

export const recommendations = defineContract({
  method: "get",
  path: "/recipes/recommendations",
  tag: T,
  summary: "Recipes recommended for the caller, each with its reasons",
  description:
    "With `mission` (id or code) and optional `stage` (defaults to the caller's current stage): ranked by the author's links, skills of this and the next stages, the caller's gaps from low rubric scores, measured effectiveness; completed recipes rank lower; missing prerequisites come first. Without a mission: from the caller's tracks, tier and gaps.",
  permission: "recipes:read",
  query: recommendationsQuerySchema,
  response: z.object({
    mission: z.object({ code: z.string(), title: z.string() }).nullable(),
    stage: z.object({ key: z.string(), title: z.string(), number: z.number().int() }).nullable(),
    items: z.array(reasoned.extend({ type: z.string(), completed: z.boolean(), prerequisite_of: z.string().nullable() })),
  }),
  errors: [404],
});

export const effectiveness = defineContract({
  method: "get",
  path: "/recipes/analytics/effectiveness",
  tag: T,
  summary: "Recipe effectiveness per linked mission: pass rate with vs without the recipe",
  description:
    "Reviewed attempts where the learner used the recipe before submitting (marked used, or completed it) vs not; the difference of pass rates with a 95% CI by Newcombe's hybrid score method; `not_enough_data` under 10 attempts on either side. Admins see every attempt, mentors their learners' only.",
  permission: "recipes:analytics",
  query: effectivenessQuerySchema,
  response: z.object({
    method: z.string(),
    scope: z.enum(["all", "mentor_learners"]),
    items: z.array(
      z.object({
        recipe: z.object({ slug: z.string(), title: z.string() }),
        mission: z.object({ code: z.string(), title: z.string() }),
        used: group,
        not_used: group,
        enough_data: z.boolean(),
        status: z.enum(["ok", "not_enough_data"]),
        difference: z.object({ estimate: z.number(), ci_low: z.number(), ci_high: z.number(), confidence: z.number() }).nullable(),
        mean_score_difference: z.number().nullable(),
        summary: z.string(),
      }),
    ),
  }),
  errors: [404],
});

export const detail = defineContract({ method: "get", path: "/recipes/{slug}", tag: T, summary: "A recipe with its steps and the caller's progress", permission: "recipes:read", params: slugParams, response: detailSchema, errors: [404] });

export const related = defineContract({
  method: "get",
  path: "/recipes/{slug}/related",
  tag: T,
  summary: "Related recipes: prerequisites, follow-ups, then shared skills and tools",
  permission: "recipes:read",
  params: slugParams,
  response: z.object({ items: z.array(reasoned.extend({ kind: z.enum(["prerequisite", "follow_up", "related"]) })) }),
  errors: [404],
});

export const recordProgress = defineContract({
  method: "post",
  path: "/recipes/{slug}/progress",
  tag: T,
  summary: "Record viewed (with duration_ms), step_completed (step), completed, or marked_used (mission + stage)",
  description: "Checking off the last step completes the recipe. Repeats are no-ops. Each event is also written to telemetry.",
  permission: "recipes:track",
  params: slugParams,
  body: progressBodySchema,
  response: z.object({
    event: z.string(),
    completed_now: z.boolean(),
    progress,
    used: z.object({ mission: z.string(), stage: z.string(), recorded: z.boolean() }).optional(),
  }),
  errors: [404],
});

export const bookmark = defineContract({ method: "put", path: "/recipes/{slug}/bookmark", tag: T, summary: "Bookmark a recipe (idempotent)", permission: "recipes:track", params: slugParams, response: z.object({ bookmarked: z.boolean() }), errors: [404] });

export const unbookmark = defineContract({ method: "delete", path: "/recipes/{slug}/bookmark", tag: T, summary: "Remove a bookmark (idempotent)", permission: "recipes:track", params: slugParams, response: z.object({ bookmarked: z.boolean() }), errors: [404] });

export const rate = defineContract({
  method: "put",
  path: "/recipes/{slug}/rating",
  tag: T,
  summary: "Rate a recipe 1–5 (422 until the caller completed it)",
  permission: "recipes:track",
  params: slugParams,
  body: ratingBodySchema,
  response: z.object({ rating: z.number().int(), rating_average: z.number().nullable(), rating_count: z.number().int() }),
  errors: [404, 422],
});

