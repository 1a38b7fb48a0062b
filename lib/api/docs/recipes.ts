import { z } from "zod";
import type { Operation } from "../openapi";
import {
  effectivenessQuerySchema,
  libraryQuerySchema,
  progressBodySchema,
  ratingBodySchema,
  recommendationsQuerySchema,
  slugParams,
} from "@/lib/recipes/schemas";

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

const detail = card.omit({ usage_count: true, rank: true, completed: true }).extend({
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

export const recipeOperations: Operation[] = [
  {
    method: "get",
    path: "/recipes",
    tag: "Recipes",
    summary: "Recipe library: full-text search, filters, sort and pages",
    description:
      "`q` uses web-search syntax (quoted phrases, `-word` to exclude) over title, summary, description, steps, skills and tools. Filters combine (AND). `bookmarked`/`completed` are the caller's own.",
    permission: "recipes:read",
    query: libraryQuerySchema,
    response: z.object({ items: z.array(card), total: z.number().int(), page: z.number().int(), page_size: z.number().int(), pages: z.number().int() }),
  },
  {
    method: "get",
    path: "/recipes/recommendations",
    tag: "Recipes",
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
  },
  {
    method: "get",
    path: "/recipes/analytics/effectiveness",
    tag: "Recipes",
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
  },
  { method: "get", path: "/recipes/{slug}", tag: "Recipes", summary: "A recipe with its steps and the caller's progress", permission: "recipes:read", params: slugParams, response: detail, errors: [404] },
  {
    method: "get",
    path: "/recipes/{slug}/related",
    tag: "Recipes",
    summary: "Related recipes: prerequisites, follow-ups, then shared skills and tools",
    permission: "recipes:read",
    params: slugParams,
    response: z.object({ items: z.array(reasoned.extend({ kind: z.enum(["prerequisite", "follow_up", "related"]) })) }),
    errors: [404],
  },
  {
    method: "post",
    path: "/recipes/{slug}/progress",
    tag: "Recipes",
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
  },
  { method: "put", path: "/recipes/{slug}/bookmark", tag: "Recipes", summary: "Bookmark a recipe (idempotent)", permission: "recipes:track", params: slugParams, response: z.object({ bookmarked: z.boolean() }), errors: [404] },
  { method: "delete", path: "/recipes/{slug}/bookmark", tag: "Recipes", summary: "Remove a bookmark (idempotent)", permission: "recipes:track", params: slugParams, response: z.object({ bookmarked: z.boolean() }), errors: [404] },
  {
    method: "put",
    path: "/recipes/{slug}/rating",
    tag: "Recipes",
    summary: "Rate a recipe 1–5 (422 until the caller completed it)",
    permission: "recipes:track",
    params: slugParams,
    body: ratingBodySchema,
    response: z.object({ rating: z.number().int(), rating_average: z.number().nullable(), rating_count: z.number().int() }),
    errors: [404, 422],
  },
];
