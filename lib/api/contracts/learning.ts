import { z } from "zod";
import { defineContract } from "../contract";
import { missionParams } from "./missions";
import { analyticsFilterSchema, FILTER_DOC, filtersEcho } from "./analytics";

// The learning loop (SPEC §7): the replay of an attempt and the nudge a stuck learner is offered.
const T = "Learning loop";

const stuckRule = z.enum(["wrong_answers", "slow", "idle"]).describe("Why the learner counts as stuck");
export const nudgeSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("recipe"),
      stage: z.string(),
      rule: stuckRule,
      reason: z.string(),
      recipe: z.object({ slug: z.string(), title: z.string(), estimated_minutes: z.number(), why: z.string().nullable() }),
    }),
    z.object({ kind: z.literal("hint"), stage: z.string(), rule: stuckRule, reason: z.string(), hint: z.object({ level: z.number().int(), penalty: z.number() }) }),
  ])
  .nullable()
  .describe("null, or the one nudge offered at the current stage (the best recipe not yet opened, else the next hint)");

export const momentSchema = z.object({
  id: z.uuid().describe("The event's id: a learner quotes a moment by it"),
  at: z.string(),
  kind: z.enum(["started", "stage_entered", "stage_left", "stage_completed", "wrong_answer", "hint_unlocked", "decision", "tool", "evidence", "recipe_opened", "nudge", "reflection_saved", "submitted", "abandoned"]),
  stage: z.string().nullable(),
  text: z.string(),
  visible_seconds: z.number().optional(),
  hint: z.object({ level: z.number(), penalty: z.number() }).optional(),
  decision: z.object({ key: z.string(), choice_id: z.string(), label: z.string(), consequence: z.string() }).optional(),
  recipe: z.object({ slug: z.string(), title: z.string() }).optional(),
  nudge: z.object({ action: z.enum(["shown", "opened", "dismissed"]), kind: z.string().nullable() }).optional(),
});

export const timeline = defineContract({
  method: "get",
  path: "/missions/{id}/timeline",
  tag: T,
  summary: "The caller's current attempt as ordered moments",
  description:
    "Stage entered/left (with visible seconds), completed, wrong answer, hint unlocked, decision with its consequence, tool, evidence, recipe opened, nudge, reflection saved, submitted. 404 before the first start.",
  permission: "missions:play",
  params: missionParams,
  response: z.object({ progress_id: z.uuid(), attempt: z.number().int(), state: z.string(), moments: z.array(momentSchema) }),
  errors: [404],
});

const A = "Analytics";
const interval = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
const missionRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const paths = defineContract({
  method: "get",
  path: "/missions/analytics/paths",
  tag: A,
  summary: "The paths through a mission's decision points, as a Sankey",
  description: `Nodes are stages (and \`end\`), links the steps learners took with their count, share of the attempts that reached the source, and the mean score of scored attempts that took them; the expert's path is marked. \`mission\` is required. ${FILTER_DOC}`,
  permission: "analytics:read",
  query: analyticsFilterSchema,
  response: z.object({
    filters: filtersEcho,
    attempts: z.number().int(),
    nodes: z.array(z.object({ id: z.string(), title: z.string(), attempts: z.number().int(), expert: z.boolean() })),
    links: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        count: z.number().int(),
        share: z.number().min(0).max(1),
        mean_score: z.number().nullable(),
        choice: z.object({ decision: z.string(), id: z.string(), label: z.string(), ideal: z.boolean() }).nullable(),
        expert: z.boolean(),
      }),
    ),
    expert_path: z.array(z.string()),
  }),
  errors: [400, 404],
});

const liftSide = z.object({ attempts: z.number().int(), completion_rate: z.number().nullable(), mean_time_ms: z.number().nullable() });

export const nudges = defineContract({
  method: "get",
  path: "/missions/analytics/nudges",
  tag: A,
  summary: "Per stage: nudge rate and the lift of opened vs ignored nudges",
  description: `Lift: stage completion rate and time of learners who opened the nudge against those who ignored it, each difference with a 95% interval; "not enough data" under 10 per side. ${FILTER_DOC}`,
  permission: "analytics:read",
  query: analyticsFilterSchema,
  response: z.object({
    filters: filtersEcho,
    items: z.array(
      z.object({
        mission: missionRef,
        stage: z.string(),
        stage_title: z.string(),
        reached: z.number().int(),
        shown: z.number().int(),
        nudge_rate: z.number(),
        lift: z.object({ opened: liftSide, ignored: liftSide, enough_data: z.boolean(), completion_difference: interval.nullable(), time_difference_ms: interval.nullable(), summary: z.string() }),
      }),
    ),
  }),
  errors: [400, 404],
});

export const hints = defineContract({
  method: "get",
  path: "/missions/analytics/hints",
  tag: A,
  summary: "Per hint level: how often the stage is completed soon after, vs comparable attempts without it",
  description: `\`completed_soon_rate\`: attempts that completed the stage within \`soon_minutes\` of unlocking the level; \`without_completion_rate\`: attempts that reached the stage without it. \`flagged\` marks a hint that does not help (enough data, difference ≤ 0). ${FILTER_DOC}`,
  permission: "analytics:read",
  query: analyticsFilterSchema,
  response: z.object({
    filters: filtersEcho,
    soon_minutes: z.number(),
    items: z.array(
      z.object({
        mission: missionRef,
        stage: z.string(),
        stage_title: z.string(),
        level: z.number().int(),
        unlocked: z.number().int(),
        completed_soon: z.number().int(),
        completed_soon_rate: z.number().nullable(),
        without: z.number().int(),
        without_completion_rate: z.number().nullable(),
        enough_data: z.boolean(),
        difference: interval.nullable(),
        flagged: z.boolean(),
      }),
    ),
  }),
  errors: [400, 404],
});
