import { z } from "zod";
import { REVIEW_OUTCOMES } from "@/lib/db/schema/enums";
import { defineContract } from "../contract";
import { reviewResult } from "./reviews";

const progressParam = z.object({ progress: z.uuid() });
const T = "Reviews";

// Calibration and moderation (SPEC §7).

export const moderationBodySchema = z.object({
  version: z.number().int().min(1).describe("The progress version both mentors marked"),
  base: z.enum(["first", "second"], { error: "must be first or second: whose review the final one starts from" }),
  scores: z
    .array(z.object({ criterion: z.string().trim().min(1).max(80), level: z.union([z.number().int().min(0), z.string().trim().min(1).max(100)]) }))
    .max(100)
    .default([])
    .describe("The moderator's level per criterion where it differs from the base review's"),
  outcome: z.enum(REVIEW_OUTCOMES).optional().describe("Defaults to the base review's outcome"),
  feedback: z.string().trim().max(20_000).optional().describe("Defaults to the base review's feedback"),
});
export type ModerationBody = z.output<typeof moderationBodySchema>;

const moderationViewSchema = z.object({
  progress_id: z.uuid(),
  version: z.number().int(),
  status: z.enum(["moderation", "final"]),
  reasons: z.array(z.string()),
  threshold_points: z.number(),
  mission: z.object({ code: z.string(), title: z.string() }),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  criteria: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      max_points: z.number(),
      levels: z.array(z.object({ index: z.number().int(), label: z.string(), points: z.number() })),
      first: z.number().int().nullable(),
      second: z.number().int().nullable(),
    }),
  ),
  marks: z.array(
    z.object({ round: z.number().int(), mentor: z.object({ id: z.uuid(), name: z.string() }), outcome: z.string(), score: z.number(), passed: z.boolean(), feedback: z.string(), created_at: z.string() }),
  ),
  final_review_id: z.uuid().nullable(),
});

export const moderationView = defineContract({
  method: "get",
  path: "/reviews/{progress}/moderation",
  tag: T,
  summary: "Moderator (admin): both blind marks of a double-marked submission side by side, and why they differ",
  description: "409 while the second mentor has not marked (the marks stay blind until then); 404 when the current version is not double-marked.",
  permission: "reviews:moderate",
  params: progressParam,
  response: moderationViewSchema,
  errors: [404, 409],
});

export const moderate = defineContract({
  method: "post",
  path: "/reviews/{progress}/moderation",
  tag: T,
  summary: "Moderator (admin): pick the final marks of two disagreeing reviews; the review is released to the learner",
  description:
    "The final review starts from the `base` mentor's review (its feedback, recipes and anchors) with the moderator's `scores` per criterion and optional `outcome`/`feedback`. An admin who marked the submission cannot moderate it (409).",
  permission: "reviews:moderate",
  params: progressParam,
  body: moderationBodySchema,
  response: reviewResult,
  status: 201,
  errors: [404, 409, 422],
});

const interval = z.object({ low: z.number(), high: z.number() });

export const calibration = defineContract({
  method: "get",
  path: "/reviews/calibration",
  tag: T,
  summary: "Calibration (admin): agreement per criterion (weighted Cohen's kappa, 95% interval) and each mentor's difference from final marks",
  description:
    "Pairs are the two blind marks of double-marked submissions. Kappa uses linear (equal-spacing) weights over the criterion's levels, with the Fleiss–Cohen–Everitt (1969) standard error; under 10 pairs a criterion is `not_enough_data` and shows no kappa. " +
    "`mean_difference` is a mentor's score minus the released final score (points on 0–100), overall and per ISO week (Monday, UTC).",
  permission: "reviews:moderate",
  response: z.object({
    weights: z.literal("linear"),
    min_pairs: z.number().int(),
    criteria: z.array(
      z.object({
        mission: z.object({ code: z.string(), title: z.string() }),
        criterion: z.object({ key: z.string(), title: z.string() }),
        levels: z.number().int(),
        pairs: z.number().int(),
        not_enough_data: z.boolean(),
        kappa: z.number().nullable(),
        interval: interval.nullable().describe("95%"),
        exact_agreement: z.number().nullable().describe("Share of pairs with the same level"),
      }),
    ),
    mentors: z.array(
      z.object({
        mentor: z.object({ id: z.uuid(), name: z.string() }),
        marks: z.number().int(),
        mean_difference: z.number().nullable(),
        weeks: z.array(z.object({ week: z.string(), marks: z.number().int(), mean_difference: z.number() })),
      }),
    ),
    moderation: z.object({ second_marking: z.number().int(), moderation: z.number().int(), final: z.number().int(), moderated: z.number().int() }),
  }),
});

const doubleMarkingItem = z.object({
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  double_marking_percent: z.number().int(),
  threshold_points: z.number(),
  first_marks: z.number().int(),
});

export const doubleMarkingList = defineContract({
  method: "get",
  path: "/reviews/double-marking",
  tag: T,
  summary: "Double-marking settings per mission (admin)",
  description: "A mission without a setting is not double-marked (0%); the disagreement threshold defaults to 10 points.",
  permission: "reviews:moderate",
  response: z.object({ items: z.array(doubleMarkingItem) }),
});

export const doubleMarkingBodySchema = z.object({
  double_marking_percent: z.number({ error: "must be a whole percent from 0 to 100" }).int("must be a whole percent from 0 to 100").min(0, "must be from 0 to 100").max(100, "must be from 0 to 100"),
  threshold_points: z.number({ error: "must be a number of points from 0 to 100" }).min(0, "must be from 0 to 100").max(100, "must be from 0 to 100").default(10),
});

export const doubleMarkingSet = defineContract({
  method: "put",
  path: "/reviews/double-marking/{mission}",
  tag: T,
  summary: "Set a mission's double-marking rate (0–100%) and disagreement threshold (admin)",
  description:
    "Sampling is systematic: the n-th first mark of the mission is double-marked when ⌊n·rate⌋ > ⌊(n−1)·rate⌋, exactly the set rate over any run (20% = every fifth). Two marks go to a moderator when outcomes differ, scores differ by more than `threshold_points`, or a criterion differs by more than one level.",
  permission: "reviews:moderate",
  params: z.object({ mission: z.string().trim().min(1).max(80).describe("Mission id or code") }),
  body: doubleMarkingBodySchema,
  response: doubleMarkingItem,
  errors: [404],
});
