import { z } from "zod";
import { defineContract } from "../contract";
import { missionParams } from "./missions";

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
  kind: z.enum(["started", "stage_entered", "stage_left", "stage_completed", "wrong_answer", "hint_unlocked", "decision", "tool", "evidence", "recipe_opened", "nudge", "reflection_saved", "submitted"]),
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
