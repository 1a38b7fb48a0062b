import { z } from "zod";
import { KEY } from "@/lib/content/schemas";
import { defineContract } from "../contract";
import { evidenceItem, hintView, missionParams, nextHint, progressSchema } from "./missions";
import { nudgeSchema } from "./learning";

// A learner's attempt at a mission: everything from start to submit.
const slug = z.string().regex(KEY, "must be a lowercase slug");
export const stageParams = missionParams.extend({ stage: slug });
export const decisionParams = missionParams.extend({ decision: slug });
export const evidenceParams = missionParams.extend({ evidence: z.uuid() });

const url = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000);

export const completeStageBody = z.object({
  notes: z.string({ error: "must be text" }).max(20_000, "must be at most 20000 characters").default(""),
  answer: z.string({ error: "must be text" }).trim().max(2000, "must be at most 2000 characters").nullable().optional(),
  links: z.array(url).max(10, "at most 10 links").optional(),
});
export const chooseBody = z.object({ choice_id: z.string({ error: "required: the id of a choice" }).regex(KEY, "must be the id of a choice") });
export const unlockBody = z.object({ level: z.number().int().min(1).optional() });
export const toolBody = z.object({
  stage: z.string({ error: "required: a stage key" }).regex(KEY, "must be a stage key"),
  tool: z.string({ error: "required: the tool's name" }).trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
});
export const reflectionBody = z.object({ reflection: z.string({ error: "required: your reflection as text" }).max(20_000, "must be at most 20000 characters") });

const T = "Missions";

export const start = defineContract({
  method: "post",
  path: "/missions/{id}/start",
  tag: T,
  summary: "Start, or return the current attempt (idempotent)",
  description: "201 with a new attempt, 200 with the existing live one. A new attempt (attempt + 1) follows a failed or expired one. 403 with the reason when the mission is locked.",
  permission: "missions:play",
  params: missionParams,
  response: progressSchema,
  status: 201,
  errors: [404, 409],
});

export const progress = defineContract({
  method: "get",
  path: "/missions/{id}/progress",
  tag: T,
  summary: "The caller's current attempt: state, stage, path, deadline, hints used, score",
  permission: "missions:play",
  params: missionParams,
  response: progressSchema.extend({ nudge: nudgeSchema }),
  errors: [404],
});

export const completeStage = defineContract({
  method: "post",
  path: "/missions/{id}/stages/{stage}/complete",
  tag: T,
  summary: "Complete a stage with notes (and answer, links)",
  description:
    "422 with `fields.notes` / `fields.evidence` when notes are shorter than the stage asks or its evidence rule is not met; 422 when the stage is not on the caller's path yet; 409 when the attempt can no longer change (submitted, past its deadline).",
  permission: "missions:play",
  params: stageParams,
  body: completeStageBody,
  response: z.object({ stage: z.string(), completed: z.boolean(), decision: z.string().nullable(), next_stage: z.string().nullable(), progress: progressSchema }),
  errors: [404, 409, 422],
});

export const decisions = defineContract({
  method: "get",
  path: "/missions/{id}/decisions",
  tag: T,
  summary: "Decision points on the caller's path, with choices and what was chosen",
  permission: "missions:play",
  params: missionParams,
  response: z.object({
    decisions: z.array(
      z.object({
        key: z.string(),
        after_stage: z.string(),
        prompt: z.string(),
        available: z.boolean(),
        choices: z.array(z.object({ id: z.string(), label: z.string() })),
        chosen: z.object({ choice_id: z.string(), label: z.string(), consequence: z.string(), next_stage: z.string(), made_at: z.string() }).nullable(),
      }),
    ),
  }),
  errors: [404],
});

export const choose = defineContract({
  method: "post",
  path: "/missions/{id}/decisions/{decision}/choose",
  tag: T,
  summary: "Record a decision and return the next stage",
  description: "A decision is final: the same choice again is a no-op (200, `recorded: false`); a different one is 409.",
  permission: "missions:play",
  params: decisionParams,
  body: chooseBody,
  response: z.object({ decision: z.string(), choice_id: z.string(), label: z.string(), consequence: z.string(), next_stage: z.string(), recorded: z.boolean(), progress: progressSchema }),
  errors: [404, 409, 422],
});

export const hints = defineContract({
  method: "get",
  path: "/missions/{id}/hints/{stage}",
  tag: T,
  summary: "Unlocked hints of a stage with their text; locked ones as level and penalty only",
  permission: "missions:play",
  params: stageParams,
  response: z.object({ stage: z.string(), hints: z.array(hintView), next: nextHint, stage_penalty_total: z.number(), penalty_total: z.number() }),
  errors: [404],
});

export const unlockHint = defineContract({
  method: "post",
  path: "/missions/{id}/hints/{stage}/unlock",
  tag: T,
  summary: "Unlock the next hint level; returns its text and the new penalty total",
  description: "Hints unlock strictly in order; an optional `level` must be the next one (409 otherwise).",
  permission: "missions:play",
  params: stageParams,
  body: unlockBody,
  response: z.object({ stage: z.string(), level: z.number(), text: z.string(), penalty: z.number(), penalty_total: z.number(), stage_penalty_total: z.number(), next: nextHint }),
  errors: [404, 409, 422],
});

export const uploadEvidence = defineContract({
  method: "post",
  path: "/missions/{id}/evidence",
  tag: T,
  summary: "Upload evidence files (and links) for a stage",
  description:
    "multipart/form-data: `stage`, `files` (repeatable, up to 10, 25 MB each), `links` (repeatable http(s) URLs). Types are checked by content: images, PDF, text/logs, CSV, JSON, pcap/pcapng, zip. The body is streamed and the limits apply as the bytes arrive: 413 names the file that is too large (`fields[\"files[i]\"]`) or says more than 10 files came (`fields.files`), 415 names the file of the wrong type; nothing of a refused upload is kept. 429 beyond two uploads at a time per learner. SHA-256 recorded.",
  permission: "missions:play",
  params: missionParams,
  multipart: true,
  response: z.object({ evidence: z.array(evidenceItem) }),
  status: 201,
  errors: [404, 409, 413, 415, 422, 429],
});

export const removeEvidence = defineContract({
  method: "delete",
  path: "/missions/{id}/evidence/{evidence}",
  tag: T,
  summary: "Remove own evidence before submitting",
  permission: "missions:play",
  params: evidenceParams,
  response: z.object({ removed: z.boolean(), id: z.uuid() }),
  errors: [404, 409],
});

export const downloadEvidence = defineContract({
  method: "get",
  path: "/missions/{id}/evidence/{evidence}",
  tag: T,
  summary: "Download an evidence file (owner, their mentors, admins)",
  description: "Served as an attachment with a safe content type and `X-Content-Type-Options: nosniff`; never as HTML.",
  permission: "catalogue:read",
  params: evidenceParams,
  errors: [404],
});

export const recordTool = defineContract({
  method: "post",
  path: "/missions/{id}/tools",
  tag: T,
  summary: "Record a tool used at a stage",
  permission: "missions:play",
  params: missionParams,
  body: toolBody,
  response: z.object({ stage: z.string(), tool: z.string(), recorded: z.boolean(), tools: z.array(z.string()) }),
  errors: [404, 409],
});

export const saveReflection = defineContract({
  method: "put",
  path: "/missions/{id}/reflection",
  tag: T,
  summary: "Save the reflection",
  permission: "missions:play",
  params: missionParams,
  body: reflectionBody,
  response: z.object({ reflection: z.string().nullable(), chars: z.number(), saved_at: z.string(), progress: progressSchema }),
  errors: [404, 409],
});

export const submit = defineContract({
  method: "post",
  path: "/missions/{id}/submit",
  tag: T,
  summary: "Submit for review (422 with every missing item)",
  description: "422 `rule_not_met` with `fields` (e.g. `stages.triage`, `evidence.scope`, `decisions.respond`, `reflection`) and `missing` (a list of items with messages).",
  permission: "missions:play",
  params: missionParams,
  response: progressSchema,
  errors: [404, 409, 422],
});
