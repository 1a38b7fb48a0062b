import { z } from "zod";
import { TRACKS } from "@/lib/db/schema/enums";
import { defineContract } from "../contract";

export const moduleParams = z.object({ module: z.string().min(1).max(80) });
export const trackParams = z.object({ track: z.enum(TRACKS) });

const foundations = z.object({
  modules: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      summary: z.string(),
      body: z.string().describe("the module's reading, markdown"),
      estimated_minutes: z.number(),
      position: z.number(),
      required: z.boolean(),
      completed: z.boolean(),
      completed_at: z.string().nullable(),
      self_check: z
        .array(z.object({ id: z.string(), prompt: z.string(), choices: z.array(z.object({ id: z.string(), text: z.string() })) }))
        .describe("questions of the self-check (POST /foundations/{module}/self-check); which choice is right is never sent"),
      recipes: z.array(z.object({ slug: z.string(), title: z.string(), summary: z.string(), estimated_minutes: z.number(), required: z.boolean() })).describe("recipes linked to the module"),
    }),
  ),
  completed: z.number(),
  total: z.number(),
  required_remaining: z.number(),
  complete: z.boolean(),
});

const T = "Foundations";

export const list = defineContract({ method: "get", path: "/foundations", tag: T, summary: "Foundations modules and the caller's completion", permission: "catalogue:read", response: foundations });

export const completeModule = defineContract({
  method: "post",
  path: "/foundations/{module}/complete",
  tag: T,
  summary: "Mark a module done (slug or id; idempotent)",
  permission: "foundations:complete",
  params: moduleParams,
  response: foundations,
  errors: [404],
});

export const enroll = defineContract({
  method: "post",
  path: "/tracks/{track}/enroll",
  tag: T,
  summary: "Enrol in a track (idempotent; missions of other tracks stay visible, marked not enrolled)",
  permission: "tracks:enroll",
  params: trackParams,
  response: z.object({ track: z.enum(TRACKS), enrolled: z.literal(true), tracks: z.array(z.object({ track: z.string(), enrolled_at: z.string() })) }),
  errors: [404],
});

export const selfCheckBody = z.object({
  answers: z.record(z.string().max(80), z.string().max(80)).describe("question id → the chosen choice id; unanswered questions count as wrong"),
});

export const selfCheck = defineContract({
  method: "post",
  path: "/foundations/{module}/self-check",
  tag: T,
  summary: "Answer a module's self-check: graded on the server with feedback per answer; a pass (80%, rounded up) marks the module done",
  permission: "foundations:complete",
  params: moduleParams,
  body: selfCheckBody,
  response: z.object({
    module: z.string(),
    results: z.array(z.object({ question_id: z.string(), chosen: z.string().nullable(), correct: z.boolean(), feedback: z.string() })),
    correct: z.number().int(),
    total: z.number().int(),
    pass_mark: z.number().int(),
    passed: z.boolean(),
    completed: z.boolean(),
    completed_at: z.string().nullable(),
    foundations_complete: z.boolean(),
  }),
  errors: [404, 422],
});
