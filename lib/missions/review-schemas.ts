import { z } from "zod";
import { KEY } from "@/lib/content/schemas";
import { REVIEW_OUTCOMES, TIERS, TRACKS } from "@/lib/db/schema/enums";

// Inputs of the review and portfolio endpoints (SPEC §4), shared by the handlers, the query
// layer and the OpenAPI document.

export const queueQuerySchema = z.object({
  mission: z.string().trim().min(1).max(80).optional().describe("Mission id or code"),
  track: z.enum(TRACKS).optional(),
  tier: z.enum(TIERS).optional(),
});
export type QueueFilters = z.output<typeof queueQuerySchema>;

export const reviewBodySchema = z.object({
  version: z.number().int().min(1).describe("The progress version the review is based on (from the queue or GET /reviews/{progress})"),
  outcome: z.enum(REVIEW_OUTCOMES),
  scores: z
    .array(
      z.object({
        criterion: z.string().trim().min(1).max(80).describe("Rubric criterion key"),
        level: z
          .union([z.number().int().min(0), z.string().trim().min(1).max(100)])
          .describe("Index into the criterion's levels (0 = first), or the level's label, case-insensitive"),
        remark: z.string().trim().max(2000).optional(),
      }),
    )
    .max(100)
    .describe("One entry per criterion on the learner's path (and every mission-wide criterion)"),
  feedback: z.string().trim().max(20_000).default("").describe("Overall feedback; required for changes_requested and failed"),
  stage_feedback: z.record(z.string().max(80), z.string().trim().max(5000)).default({}).describe("Feedback per stage key on the path"),
  recommended_recipes: z.array(z.string().regex(KEY, "must be a recipe slug")).max(10, "at most 10 recipes").default([]),
});
export type ReviewBody = z.output<typeof reviewBodySchema>;

export const visibilityBodySchema = z.object({ public: z.boolean() });
