import { z } from "zod";
import type { Operation } from "../openapi";
import { TIERS, TRACKS, PROGRESS_STATES } from "@/lib/db/schema/enums";
import { KEY } from "@/lib/content/schemas";

// Request schemas of the learner's mission endpoints (the route handlers parse with these) and
// their OpenAPI descriptions.
const CATALOGUE_STATUSES = ["available", "locked", "assigned", "not_started", "in_progress", "submitted", "in_review", "approved", "changes_requested", "failed", "expired"] as const;

export const catalogueQuery = z.object({
  track: z.enum(TRACKS).optional(),
  tier: z.enum(TIERS).optional(),
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  status: z.enum(CATALOGUE_STATUSES).optional(),
});

const slug = z.string().regex(KEY, "must be a lowercase slug");
export const missionParams = z.object({ id: z.string().min(1).max(80) });
export const stageParams = missionParams.extend({ stage: slug });
export const decisionParams = missionParams.extend({ decision: slug });
export const evidenceParams = missionParams.extend({ evidence: z.uuid() });
export const moduleParams = z.object({ module: z.string().min(1).max(80) });
export const trackParams = z.object({ track: z.enum(TRACKS) });

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

const lockFields = { locked: z.boolean(), lock_reason: z.string().nullable(), exception: z.boolean(), enrolled: z.boolean() };
const progressSummary = z.object({
  id: z.uuid(),
  state: z.enum(PROGRESS_STATES),
  attempt: z.number().int(),
  current_stage: z.string().nullable(),
  deadline_at: z.string().nullable(),
  deadline_warning: z.enum(["none", "quarter", "tenth", "expired"]),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  last_activity_at: z.string(),
});
const catalogueItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  track: z.enum(TRACKS),
  tier: z.enum(TIERS),
  summary: z.string(),
  estimated_minutes: z.number(),
  skills: z.array(z.string()),
  time_constraint_hours: z.number().nullable(),
  mission_status: z.string(),
  ...lockFields,
  assigned: z.object({ due_at: z.string().nullable(), overdue: z.boolean() }).nullable(),
  state: z.string(),
  progress: progressSummary.nullable(),
});
const evidenceItem = z.object({
  id: z.uuid(),
  stage: z.string(),
  kind: z.enum(["file", "link"]),
  file_name: z.string().nullable(),
  content_type: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  created_at: z.string(),
  download_url: z.string().nullable(),
});
export const progressSchema = z.object({
  id: z.uuid(),
  mission_id: z.uuid(),
  mission_code: z.string(),
  mission_version: z.number().int(),
  attempt: z.number().int(),
  state: z.enum(PROGRESS_STATES),
  current_stage: z.string().nullable(),
  path: z.array(z.string()),
  pending_decision: z.string().nullable(),
  finished_path: z.boolean(),
  completed_stages: z.array(z.string()),
  completions: z.array(z.object({ stage: z.string(), notes: z.string(), answer: z.string().nullable(), links: z.array(z.string()), completed_at: z.string() })),
  decisions: z.array(z.object({ decision: z.string(), choice_id: z.string(), made_at: z.string() })),
  hints_used: z.array(z.object({ stage: z.string(), level: z.number(), penalty: z.number(), unlocked_at: z.string() })),
  hint_penalty: z.number(),
  tools: z.array(z.object({ stage: z.string(), tool: z.string() })),
  evidence: z.array(evidenceItem),
  reflection: z.string().nullable(),
  started_at: z.string(),
  deadline_at: z.string().nullable(),
  time_remaining_seconds: z.number().nullable(),
  remaining_fraction: z.number().nullable(),
  deadline_warning: z.enum(["none", "quarter", "tenth", "expired"]),
  submitted_at: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  last_activity_at: z.string(),
  version: z.number().int(),
});
const hintView = z.object({ level: z.number(), penalty: z.number(), unlocked: z.boolean(), text: z.string().optional() });
const nextHint = z.object({ level: z.number(), penalty: z.number() }).nullable();
const missionDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  track: z.enum(TRACKS),
  tier: z.enum(TIERS),
  summary: z.string(),
  story: z.string(),
  objectives: z.array(z.string()),
  estimated_minutes: z.number(),
  skills: z.array(z.string()),
  time_constraint_hours: z.number().nullable(),
  auto_submit_on_deadline: z.boolean(),
  reflection_required: z.boolean(),
  reflection_prompt: z.string().nullable(),
  success_criteria: z.object({ min_score: z.number(), required_stages: z.array(z.string()), items: z.array(z.string()) }),
  mission_status: z.string(),
  version: z.number().int(),
  ...lockFields,
  stages: z.array(
    z.object({
      key: z.string(),
      position: z.number(),
      title: z.string(),
      instructions: z.string(),
      required_skills: z.array(z.string()),
      evidence: z.object({ required: z.boolean(), min_files: z.number(), max_files: z.number(), kinds: z.array(z.string()) }).loose(),
      notes_min_chars: z.number(),
      weight: z.number(),
      required: z.boolean(),
      has_answer: z.boolean(),
      answer_prompt: z.string().nullable(),
      recipes: z.array(z.object({ slug: z.string(), title: z.string(), summary: z.string().nullable(), estimated_minutes: z.number().nullable() })),
      hints: z.array(hintView),
      has_decision: z.boolean(),
    }),
  ),
  decisions: z.array(z.object({ key: z.string(), after_stage: z.string(), prompt: z.string() })),
  progress: progressSchema.nullable(),
});
const foundations = z.object({
  modules: z.array(
    z.object({ id: z.uuid(), slug: z.string(), title: z.string(), summary: z.string(), body: z.string(), estimated_minutes: z.number(), position: z.number(), required: z.boolean(), completed: z.boolean(), completed_at: z.string().nullable() }),
  ),
  completed: z.number(),
  total: z.number(),
  required_remaining: z.number(),
  complete: z.boolean(),
});

const T = "Missions";
export const missionOperations: Operation[] = [
  { method: "get", path: "/foundations", tag: "Foundations", summary: "Foundations modules and the caller's completion", permission: "catalogue:read", response: foundations },
  { method: "post", path: "/foundations/{module}/complete", tag: "Foundations", summary: "Mark a module done (slug or id; idempotent)", permission: "foundations:complete", params: moduleParams, response: foundations, errors: [404] },
  {
    method: "post",
    path: "/tracks/{track}/enroll",
    tag: "Foundations",
    summary: "Enrol in a track (idempotent; missions of other tracks stay visible, marked not enrolled)",
    permission: "tracks:enroll",
    params: trackParams,
    response: z.object({ track: z.enum(TRACKS), enrolled: z.literal(true), tracks: z.array(z.object({ track: z.string(), enrolled_at: z.string() })) }),
    errors: [404],
  },
  {
    method: "get",
    path: "/missions",
    tag: T,
    summary: "Catalogue for the caller with lock state and reason",
    description: "Assigned and in-progress missions first. Locked missions are listed with the reason and what unlocks them. `status` filters by the caller's state, or `locked`, `available`, `assigned`.",
    permission: "catalogue:read",
    query: catalogueQuery,
    response: z.object({ missions: z.array(catalogueItem), foundations_complete: z.boolean(), unlock_threshold: z.number(), enrolled_tracks: z.array(z.string()) }),
  },
  { method: "get", path: "/missions/{id}", tag: T, summary: "Mission (id or code) with stages, objectives, decisions' prompts; no locked hint text", permission: "catalogue:read", params: missionParams, response: missionDetail, errors: [404] },
  {
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
  },
  { method: "get", path: "/missions/{id}/progress", tag: T, summary: "The caller's current attempt: state, stage, path, deadline, hints used, score", permission: "missions:play", params: missionParams, response: progressSchema, errors: [404] },
  {
    method: "post",
    path: "/missions/{id}/stages/{stage}/complete",
    tag: T,
    summary: "Complete a stage with notes (and answer, links)",
    description: "422 with `fields.notes` / `fields.evidence` when notes are shorter than the stage asks or its evidence rule is not met; 422 when the stage is not on the caller's path yet; 409 when the attempt can no longer change (submitted, past its deadline).",
    permission: "missions:play",
    params: stageParams,
    body: completeStageBody,
    response: z.object({ stage: z.string(), completed: z.boolean(), decision: z.string().nullable(), next_stage: z.string().nullable(), progress: progressSchema }),
    errors: [404, 409, 422],
  },
  {
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
  },
  {
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
  },
  {
    method: "get",
    path: "/missions/{id}/hints/{stage}",
    tag: T,
    summary: "Unlocked hints of a stage with their text; locked ones as level and penalty only",
    permission: "missions:play",
    params: stageParams,
    response: z.object({ stage: z.string(), hints: z.array(hintView), next: nextHint, stage_penalty_total: z.number(), penalty_total: z.number() }),
    errors: [404],
  },
  {
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
  },
  {
    method: "post",
    path: "/missions/{id}/evidence",
    tag: T,
    summary: "Upload evidence files (and links) for a stage",
    description:
      "multipart/form-data: `stage`, `files` (repeatable, up to 10, 25 MB each), `links` (repeatable http(s) URLs). Types are checked by content: images, PDF, text/logs, CSV, JSON, pcap/pcapng, zip. 413 names the file that is too large, 415 the file of the wrong type. SHA-256 recorded.",
    permission: "missions:play",
    params: missionParams,
    multipart: true,
    response: z.object({ evidence: z.array(evidenceItem) }),
    status: 201,
    errors: [404, 409, 413, 415, 422, 429],
  },
  { method: "delete", path: "/missions/{id}/evidence/{evidence}", tag: T, summary: "Remove own evidence before submitting", permission: "missions:play", params: evidenceParams, response: z.object({ removed: z.boolean(), id: z.uuid() }), errors: [404, 409] },
  {
    method: "get",
    path: "/missions/{id}/evidence/{evidence}",
    tag: T,
    summary: "Download an evidence file (owner, their mentors, admins)",
    description: "Served as an attachment with a safe content type and `X-Content-Type-Options: nosniff`; never as HTML.",
    permission: "catalogue:read",
    params: evidenceParams,
    errors: [404],
  },
  {
    method: "post",
    path: "/missions/{id}/tools",
    tag: T,
    summary: "Record a tool used at a stage",
    permission: "missions:play",
    params: missionParams,
    body: toolBody,
    response: z.object({ stage: z.string(), tool: z.string(), recorded: z.boolean(), tools: z.array(z.string()) }),
    errors: [404, 409],
  },
  {
    method: "put",
    path: "/missions/{id}/reflection",
    tag: T,
    summary: "Save the reflection",
    permission: "missions:play",
    params: missionParams,
    body: reflectionBody,
    response: z.object({ reflection: z.string().nullable(), chars: z.number(), saved_at: z.string(), progress: progressSchema }),
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/missions/{id}/submit",
    tag: T,
    summary: "Submit for review (422 with every missing item)",
    description: "422 `rule_not_met` with `fields` (e.g. `stages.triage`, `evidence.scope`, `decisions.respond`, `reflection`) and `missing` (a list of items with messages).",
    permission: "missions:play",
    params: missionParams,
    response: progressSchema,
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: "/admin/jobs/sweep-deadlines",
    tag: "Jobs",
    summary: "Apply every passed deadline (auto-submit or expire)",
    description: "For an admin, or a scheduler sending `x-cron-secret: $SORTIE_CRON_SECRET`.",
    response: z.object({ checked: z.number(), auto_submitted: z.number(), expired: z.number() }),
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/admin/jobs/refresh-analytics",
    tag: "Jobs",
    summary: "Recompute the analytics rollup for every mission changed since the last refresh",
    description:
      "For an admin, or a scheduler sending `x-cron-secret: $SORTIE_CRON_SECRET`. Dashboards refresh it themselves before reading; scheduling this every minute keeps those reads cheap and the change marks few. It also prepares today's preset date ranges (last 7, 30 and 90 days) of the admin view, so the first click on one is served from the rollup; `ranges_prepared` counts those it computed (a preset already kept, or holding every attempt, needs none).",
    response: z.object({ missions_recomputed: z.number().int(), ranges_prepared: z.number().int() }),
    errors: [401, 403],
  },
];
