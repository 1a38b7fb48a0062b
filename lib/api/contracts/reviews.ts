import { z } from "zod";
import { KEY } from "@/lib/content/schemas";
import { REVIEW_OUTCOMES, TIERS, TRACKS } from "@/lib/db/schema/enums";
import { FORMULA_TEXT } from "@/lib/missions/scoring";
import { defineContract } from "../contract";
import { evidenceItem } from "./missions";
import { momentSchema } from "./learning";
import { assignmentSchema } from "./assignments";

export const queueQuerySchema = z.object({
  mission: z.string().trim().min(1).max(80).optional().describe("Mission id or code"),
  track: z.enum(TRACKS).optional(),
  tier: z.enum(TIERS).optional(),
});
export type QueueFilters = z.output<typeof queueQuerySchema>;

const fraction = z.number({ error: "must be a number from 0 to 1" }).min(0, "must be from 0 to 1").max(1, "must be from 0 to 1");
const anchorBase = {
  evidence_id: z.uuid("must be the id of an evidence file of this submission"),
  remark: z.string({ error: "required: what you want the learner to see here" }).trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
  criterion: z.string().trim().min(1).max(80).optional().describe("A rubric criterion the remark is about"),
};
/** A remark anchored to a place in an evidence file (SPEC §7): lines of a text file, a rectangle of an image, a page of a PDF. */
export const anchorSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({ ...anchorBase, kind: z.literal("lines"), start_line: z.number().int().min(1, "lines count from 1"), end_line: z.number().int().min(1, "lines count from 1") })
      .refine((a) => a.end_line >= a.start_line, { message: "must not be before start_line", path: ["end_line"] }),
    z
      .object({ ...anchorBase, kind: z.literal("region"), x: fraction, y: fraction, w: fraction.refine((v) => v > 0, "must be above 0"), h: fraction.refine((v) => v > 0, "must be above 0") })
      .refine((a) => a.x + a.w <= 1 + 1e-9, { message: "x + w must not pass the right edge (1)", path: ["w"] })
      .refine((a) => a.y + a.h <= 1 + 1e-9, { message: "y + h must not pass the bottom edge (1)", path: ["h"] }),
    z.object({ ...anchorBase, kind: z.literal("page"), page: z.number().int().min(1, "pages count from 1") }),
  ],
  { error: "kind must be lines, region or page" },
);
export type AnchorInput = z.output<typeof anchorSchema>;

/** An anchored remark as answers show it: the body's shape plus its id (criterion null when not given). */
export const anchorJson = z.object({
  id: z.uuid(),
  evidence_id: z.uuid(),
  kind: z.enum(["lines", "region", "page"]),
  start_line: z.number().int().optional(),
  end_line: z.number().int().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  w: z.number().optional(),
  h: z.number().optional(),
  page: z.number().int().optional(),
  remark: z.string(),
  criterion: z.string().nullable(),
});

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
  anchors: z.array(anchorSchema).max(100, "at most 100 anchored remarks").default([]).describe("Remarks anchored to lines, regions or pages of the submission's evidence files"),
  ai: z
    .array(z.object({ suggestion_id: z.uuid("must be the id of an AI suggestion of this submission"), decision: z.enum(["accepted", "edited", "rejected"], { error: "must be accepted, edited or rejected" }) }))
    .max(100)
    .default([])
    .describe("The mentor's decision on each AI suggestion (SPEC §7): accepted (the level as suggested), edited (used, changed) or rejected; accepted and edited criteria show as AI-assisted to the learner"),
});
export type ReviewBody = z.output<typeof reviewBodySchema>;

const queueItem = z.object({
  progress_id: z.uuid(),
  version: z.number().int(),
  state: z.enum(["submitted", "in_review"]),
  attempt: z.number().int(),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string(), track: z.string(), tier: z.string() }),
  submitted_at: z.string().nullable(),
  waiting_seconds: z.number().int(),
  prescore: z.number().nullable(),
  moderation: z
    .enum(["second_marking", "moderation"])
    .nullable()
    .describe("Double-marking (SPEC §7): `second_marking` waits for a second, blind mentor; `moderation` for an admin to pick the final marks (listed for admins only)"),
});

const prescoreItem = z.object({
  stage: z.string().nullable(),
  rule: z.enum(["evidence", "answer", "notes", "reflection", "objectives"]),
  points: z.number(),
  max: z.number(),
  verdict: z.enum(["pass", "partial", "fail", "n/a"]),
  reason: z.string(),
});

const verdict = z.object({ verdict: z.string(), reason: z.string() });
const choice = z.object({ id: z.string(), label: z.string() });

const submissionSchema = z.object({
  progress: z.object({
    id: z.uuid(),
    state: z.string(),
    version: z.number().int(),
    attempt: z.number().int(),
    started_at: z.string(),
    submitted_at: z.string().nullable(),
    reviewed_at: z.string().nullable(),
    reflection: z.string(),
    hint_penalty: z.number(),
    decision_delta: z.number(),
    score: z.number().nullable(),
    passed: z.boolean().nullable(),
    reviewable: z.boolean().describe("submitted or in_review: a review may be sent"),
  }),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  mission: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    track: z.string(),
    tier: z.string(),
    version: z.number().int().describe("The mission version this attempt plays"),
    objectives: z.array(z.string()),
    min_score: z.number(),
    required_stages: z.array(z.string()),
    success_items: z.array(z.string()),
    reflection_prompt: z.string().nullable(),
  }),
  stages: z.array(z.object({ key: z.string(), title: z.string(), weight: z.number(), on_path: z.boolean() })),
  path: z.array(
    z.object({
      stage: z.string(),
      title: z.string(),
      weight: z.number(),
      completed: z.boolean(),
      notes: z.string(),
      notes_min_chars: z.number(),
      answer: z.string().nullable(),
      answer_prompt: z.string().nullable(),
      answer_verdict: verdict.nullable(),
      expected_answer: z.string().nullable(),
      answer_explanation: z.string().nullable(),
      links: z.array(z.string()),
      time_seconds: z.number().nullable(),
      hints: z.array(z.object({ level: z.number(), penalty: z.number() })),
      decision: z
        .object({
          key: z.string(),
          prompt: z.string(),
          chosen: choice.extend({ score_delta: z.number() }).nullable(),
          expert: choice.extend({ rationale: z.string().nullable() }).nullable(),
        })
        .nullable(),
    }),
  ),
  expert_path: z.array(
    z.object({ decision: z.string(), after_stage: z.string(), prompt: z.string(), choice: choice.extend({ rationale: z.string().nullable(), next_stage: z.string() }).nullable() }),
  ),
  hints: z.object({ total_penalty: z.number(), items: z.array(z.object({ stage: z.string(), level: z.number(), penalty: z.number() })) }),
  evidence: z.array(evidenceItem),
  prescore: z.object({ score: z.number(), items: z.array(prescoreItem), answers: z.record(z.string(), verdict) }),
  second_opinion: z
    .object({ source: z.literal("ai"), model: z.string(), score: z.number(), summary: z.string(), strengths: z.array(z.string()), concerns: z.array(z.string()), created_at: z.string() })
    .nullable()
    .describe("Only when an AI endpoint is configured and has answered; labelled as AI wherever shown"),
  rubric: z.array(
    z.object({
      key: z.string(),
      stage: z.string().nullable(),
      title: z.string(),
      description: z.string(),
      weight: z.number(),
      skills: z.array(z.string()),
      on_path: z.boolean(),
      max_points: z.number(),
      levels: z.array(z.object({ index: z.number().int(), points: z.number(), label: z.string(), descriptor: z.string() })),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      mentor: z.object({ id: z.uuid(), name: z.string() }),
      based_on_version: z.number().int(),
      outcome: z.string(),
      score: z.number(),
      passed: z.boolean(),
      feedback: z.string(),
      stage_feedback: z.record(z.string(), z.string()),
      recommended_recipes: z.array(z.string()),
      created_at: z.string(),
      scores: z.array(z.object({ criterion: z.string(), stage: z.string().nullable(), level: z.number().int(), points: z.number(), max_points: z.number(), remark: z.string().nullable(), ai_assisted: z.boolean() })),
      anchors: z.array(anchorJson),
    }),
  ),
  timeline: z.array(momentSchema).describe("The attempt as ordered moments, as GET /missions/{id}/timeline gives its learner"),
  moderation: z
    .object({
      status: z.enum(["second_marking", "moderation"]),
      your_mark: z.object({ round: z.number().int(), outcome: z.string(), score: z.number(), created_at: z.string() }).nullable().describe("The caller's own marks; the other mentor's are never shown here"),
      can_mark: z.boolean(),
    })
    .nullable()
    .describe("While the version is double-marked and not final; null otherwise"),
  ai_suggestions: z
    .object({
      status: z.enum(["pending", "ready"]),
      model: z.string().nullable(),
      items: z.array(
        z.object({
          id: z.uuid(),
          criterion: z.string(),
          level: z.number().int(),
          remark: z.string(),
          evidence: z.array(z.object({ stage: z.string().optional(), evidence_id: z.string().optional(), quote: z.string() })),
          your_decision: z.enum(["accepted", "edited", "rejected"]).nullable(),
        }),
      ),
    })
    .nullable()
    .describe("Only with SORTIE_AI_URL configured: a level and a remark per criterion proposed by the model, with the evidence it quoted; labelled as AI wherever shown"),
});

export const reviewResult = z.object({
  review: z.object({ id: z.uuid(), outcome: z.string(), score: z.number(), passed: z.boolean(), created_at: z.string() }),
  progress: z.object({ id: z.uuid(), state: z.string(), version: z.number().int(), score: z.number().nullable(), passed: z.boolean().nullable() }),
  portfolio_item: z.object({ id: z.uuid(), public_slug: z.string() }).nullable(),
  // The keys are camelCase: the scoring result as computed (lib/missions/scoring.ts), passed through.
  scoring: z
    .object({ base: z.number().describe("0–100 before deltas and penalties"), decisionDelta: z.number(), hintPenalty: z.number(), failReasons: z.array(z.string()).describe("Why it does not pass, in words") })
    .describe("How the score was reached"),
  released: z.boolean().describe("False while a double-marked review waits for its second mark or a moderator: the learner sees nothing yet"),
  moderation: z.object({ status: z.enum(["second_marking", "moderation", "final"]), message: z.string() }).nullable(),
});

const progressParam = z.object({ progress: z.uuid() });

const T = "Reviews";

export const queue = defineContract({
  method: "get",
  path: "/reviews/queue",
  tag: T,
  summary: "Submissions waiting for review, oldest first, with pre-scores",
  description: "A mentor sees the submissions of learners assigned to them directly or through a cohort; an admin sees all. Filters: `mission` (id or code), `track`, `tier`.",
  permission: "reviews:queue",
  query: queueQuerySchema,
  response: z.object({ items: z.array(queueItem), total: z.number().int() }),
});

export const submission = defineContract({
  method: "get",
  path: "/reviews/{progress}",
  tag: T,
  summary: "A submission with evidence, path, hints, time per stage, pre-score and rubric",
  description:
    "Opening a `submitted` submission moves it to `in_review`; the `version` does not change, so the version from the queue or from this response is the one to send with the review. A learner who is not assigned to the caller is a 404.",
  permission: "reviews:queue",
  params: progressParam,
  response: submissionSchema,
  errors: [404],
});

export const review = defineContract({
  method: "post",
  path: "/reviews/{progress}",
  tag: T,
  summary: "Review a submission: a level per criterion, feedback, outcome, recommended recipes",
  description:
    `\`level\` is the index into the criterion's levels (0 = first) or the level's label. Every criterion of a stage on the learner's path, and every mission-wide criterion, needs a level. ` +
    `\`approved\` needs a passing score (else 422); \`changes_requested\` hands the same attempt back to the learner in state \`changes_requested\` (their next change moves it to \`in_progress\`); \`approved\` adds a portfolio item. ` +
    `A stale \`version\` (someone reviewed it meanwhile, or the learner changed it) is a 409 whose \`error.reviewed_by\` says who. Scoring: ${FORMULA_TEXT}`,
  permission: "reviews:write",
  params: progressParam,
  body: reviewBodySchema,
  response: reviewResult,
  status: 201,
  errors: [404, 409, 422],
});

export const dashboard = defineContract({
  method: "get",
  path: "/reviews/dashboard",
  tag: T,
  summary: "The mentor's dashboard: waiting time against the SLA, workload per mentor, overdue assignments, changes requested",
  description: "A mentor sees their own learners and their own workload row; an admin every mentor. `over_sla` marks submissions waiting longer than `sla_hours` (SORTIE_REVIEW_SLA_HOURS).",
  permission: "reviews:queue",
  response: z.object({
    sla_hours: z.number(),
    waiting: z.array(queueItem.extend({ over_sla: z.boolean() })),
    over_sla: z.number().int(),
    workload: z.array(z.object({ mentor: z.object({ id: z.uuid(), name: z.string() }), waiting: z.number().int(), oldest_waiting_seconds: z.number().int().nullable(), reviews_last_7_days: z.number().int() })),
    overdue_assignments: z.array(assignmentSchema),
    changes_requested: z.array(z.object({ progress_id: z.uuid(), learner: z.object({ id: z.uuid(), name: z.string() }), mission: z.object({ code: z.string(), title: z.string() }), since: z.string().nullable() })),
  }),
});
