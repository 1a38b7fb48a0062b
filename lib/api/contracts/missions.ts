import { z } from "zod";
import { TIERS, TRACKS, PROGRESS_STATES } from "@/lib/db/schema/enums";
import { evidenceRuleSchema } from "@/lib/content/schemas";
import { defineContract } from "../contract";

// The catalogue and a mission's page, and the attempt shape every learner endpoint answers with
// (lib/api/contracts/attempts.ts).
const CATALOGUE_STATUSES = ["available", "locked", "assigned", "not_started", "in_progress", "submitted", "in_review", "approved", "changes_requested", "failed", "expired"] as const;

export const catalogueQuery = z.object({
  track: z.enum(TRACKS).optional(),
  tier: z.enum(TIERS).optional(),
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  status: z.enum(CATALOGUE_STATUSES).optional(),
});

export const missionParams = z.object({ id: z.string().min(1).max(80) });

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
/** Evidence as the learner's attempt and the review screen show it (lib/missions/serialize.ts toEvidence). */
export const evidenceItem = z.object({
  id: z.uuid(),
  stage: z.string(),
  kind: z.enum(["file", "link"]),
  name: z.string().describe("The file name, or the URL of a link"),
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
export const hintView = z.object({ level: z.number(), penalty: z.number(), unlocked: z.boolean(), text: z.string().optional() });
export const nextHint = z.object({ level: z.number(), penalty: z.number() }).nullable();
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
      evidence: evidenceRuleSchema.describe("What the stage asks for, as the author wrote it"),
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

const T = "Missions";

export const catalogue = defineContract({
  method: "get",
  path: "/missions",
  tag: T,
  summary: "Catalogue for the caller with lock state and reason",
  description: "Assigned and in-progress missions first. Locked missions are listed with the reason and what unlocks them. `status` filters by the caller's state, or `locked`, `available`, `assigned`.",
  permission: "catalogue:read",
  query: catalogueQuery,
  response: z.object({ missions: z.array(catalogueItem), foundations_complete: z.boolean(), unlock_threshold: z.number(), enrolled_tracks: z.array(z.string()) }),
});

export const detail = defineContract({
  method: "get",
  path: "/missions/{id}",
  tag: T,
  summary: "Mission (id or code) with stages, objectives, decisions' prompts; no locked hint text",
  permission: "catalogue:read",
  params: missionParams,
  response: missionDetail,
  errors: [404],
});
