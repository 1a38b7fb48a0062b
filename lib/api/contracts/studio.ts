import { z } from "zod";
import { CONTENT_STATUSES } from "@/lib/db/schema/enums";
import { previewActionSchema } from "@/lib/studio/sandbox";
import { defineContract } from "../contract";

// Mission Studio (SPEC §7): drafts of missions and recipes beside their published versions.
// A draft may be incomplete or invalid while it is being written; validate says what is wrong,
// publish refuses it (422) until nothing is.

export const T = "Studio";
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const draftObject = z.record(z.string(), z.unknown());
export const person = z.object({ id: z.string(), name: z.string() });

export const listQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(200, "must be at most 200 characters").optional()),
  status: z.preprocess(blank, z.enum(CONTENT_STATUSES, "must be draft, published or archived").optional()),
});

export const itemBase = {
  title: z.string(),
  status: z.enum(CONTENT_STATUSES),
  version: z.number().int().nullable().describe("The published version; null while only a draft exists."),
  draft_version: z.number().int().describe("0 when no draft was ever saved."),
  has_draft: z.boolean().describe("Unpublished changes are waiting."),
  last_editor: person.nullable(),
  updated_at: z.string(),
};

export const draftBase = {
  status: z.enum(CONTENT_STATUSES),
  version: z.number().int().nullable(),
  draft_version: z.number().int().describe("Send it back on PUT; a stale one is a 409 naming who saved last."),
  has_draft: z.boolean(),
  updated_at: z.string().nullable(),
  last_editor: person.nullable(),
};

export const problem = z.object({
  path: z.string().describe("Inside the draft, e.g. stages[2].hints[0].penalty"),
  message: z.string(),
  kind: z.enum(["unreachable", "cycle", "dead_end", "unknown_stage"]).optional(),
  stage: z.string().optional(),
  decision: z.string().optional(),
  choice: z.string().optional(),
});

export const keyed = z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) });
export const byState = z.object({ total: z.number().int(), by_state: z.record(z.string(), z.number().int()) });
export const audit = z.object({ id: z.string(), action: z.string(), at: z.string(), by: person.nullable() });

const copyFrom = (what: string) => z.string().trim().min(1).max(80).optional().describe(`Start from a copy of this ${what}'s latest content.`);
const content = (what: string) => draftObject.optional().describe(`The ${what} object of SPEC §2 (may be incomplete); its fields may also be sent at the top level.`);
const draftVersion = z.number({ error: "is required" }).int("must be a whole number").min(0, "must be ≥ 0");

export const createMissionBody = z.object({ code: z.string().trim().min(1, "is required").max(80), copy_from: copyFrom("mission"), mission: content("mission") }).loose();
export const saveMissionBody = z.object({ draft_version: draftVersion, mission: content("mission") }).loose();
export const createRecipeBody = z.object({ slug: z.string().trim().min(1, "is required").max(80), copy_from: copyFrom("recipe"), recipe: content("recipe") }).loose();
export const saveRecipeBody = z.object({ draft_version: draftVersion, recipe: content("recipe") }).loose();

export const publishBody = z.object({
  draft_version: z.number().int().min(0).optional().describe("When sent, a stale one is a 409."),
  rescore: z.boolean().optional().describe("Re-run the deterministic pre-score of submissions waiting for review."),
});

// ---------------------------------------------------------------- missions

export const missionParams = z.object({ code: z.string().min(1).max(80) });
export const publishMissionBody = publishBody;
export const previewMissionBody = z.object({
  reset: z.boolean().optional().describe("Start the sandbox over."),
  action: previewActionSchema.optional().describe("One move: complete the current stage (with an answer), choose, or unlock a hint."),
});

const missionDraft = z.object({ code: z.string(), ...draftBase, mission: draftObject });

export const listMissions = defineContract({
  method: "get",
  path: "/admin/studio/missions",
  tag: T,
  summary: "Missions with their status, published version, draft and last editor",
  permission: "content:manage",
  query: listQuery,
  response: z.object({ items: z.array(z.object({ code: z.string(), ...itemBase })) }),
});

export const createMission = defineContract({
  method: "post",
  path: "/admin/studio/missions",
  tag: T,
  summary: "Create a mission draft, blank or from a copy",
  description: "409 when the code is taken by a mission or a draft.",
  permission: "content:manage",
  body: createMissionBody,
  response: missionDraft,
  status: 201,
  errors: [409],
});

export const getMission = defineContract({
  method: "get",
  path: "/admin/studio/missions/{code}",
  tag: T,
  summary: "The mission draft (or the published content when no draft is pending)",
  permission: "content:manage",
  params: missionParams,
  response: missionDraft,
});

export const saveMission = defineContract({
  method: "put",
  path: "/admin/studio/missions/{code}",
  tag: T,
  summary: "Save the mission draft",
  description: "`draft_version` must be the one last read (0 for the first draft of published content); otherwise 409 with `last_saved_by` and `last_saved_at`.",
  permission: "content:manage",
  params: missionParams,
  body: saveMissionBody,
  response: missionDraft,
  errors: [409],
});

export const validateMission = defineContract({
  method: "post",
  path: "/admin/studio/missions/{code}/validate",
  tag: T,
  summary: "Every problem of the draft by path, graph problems with their kind and stage/decision/choice",
  permission: "content:manage",
  params: missionParams,
  response: z.object({ code: z.string(), draft_version: z.number().int(), valid: z.boolean(), problems: z.array(problem) }),
});

export const missionImpact = defineContract({
  method: "get",
  path: "/admin/studio/missions/{code}/impact",
  tag: T,
  summary: "What publishing would change, and the attempts affected by state",
  permission: "content:manage",
  params: missionParams,
  response: z.object({
    code: z.string(),
    draft_version: z.number().int(),
    published_version: z.number().int().nullable(),
    changes: z.object({
      fields: z.array(z.string()),
      stages: keyed,
      weights: z.array(z.object({ stage: z.string(), from: z.number(), to: z.number() })),
      answers: z.array(z.object({ stage: z.string(), change: z.enum(["added", "removed", "changed"]) })),
      hints: z.array(z.object({ stage: z.string(), change: z.enum(["added", "removed", "changed"]) })),
      rubric: keyed,
      decisions: keyed,
      graph_changed: z.boolean(),
      changed: z.boolean(),
    }),
    attempts: byState.extend({
      on_published_version: z.number().int(),
      rescorable: z.number().int().describe("Submitted or in review: what `rescore` would re-run."),
    }),
  }),
  errors: [422],
});

export const publishMission = defineContract({
  method: "post",
  path: "/admin/studio/missions/{code}/publish",
  tag: T,
  summary: "Publish the draft: validate as an import does, bump the version, record who and when",
  description: "422 with every problem in `error.fields` (and `error.problems`) when the draft is invalid; nothing is written. With no pending draft it answers `outcome: unchanged` and changes nothing (with `rescore`, the pre-scores are re-run against the published content).",
  permission: "content:manage",
  params: missionParams,
  body: publishMissionBody,
  response: z.object({
    code: z.string(),
    status: z.string(),
    version: z.number().int(),
    previous_version: z.number().int().nullable(),
    outcome: z.enum(["created", "updated", "unchanged"]),
    draft_version: z.number().int(),
    rescored: z.number().int(),
    audit: audit.nullable().describe("Null when nothing was pending (publishing again is a no-op)."),
  }),
  errors: [409, 422],
});

export const previewMission = defineContract({
  method: "post",
  path: "/admin/studio/missions/{code}/preview",
  tag: T,
  summary: "Play the draft in the caller's sandbox: no gating, nothing in analytics, resettable",
  permission: "content:manage",
  params: missionParams,
  body: previewMissionBody,
  response: z.object({
    code: z.string(),
    draft_version: z.number().int(),
    started_at: z.string(),
    restarted: z.boolean(),
    mission: z.object({ code: z.string(), title: z.string(), story: z.string(), objectives: z.array(z.string()), stages: z.array(z.object({ key: z.string(), title: z.string() })) }),
    state: z.object({
      path: z.array(z.string()),
      current_stage: z.string().nullable(),
      current: z.object({ key: z.string(), title: z.string(), instructions: z.string(), answer_prompt: z.string().nullable(), has_answer: z.boolean() }).nullable(),
      pending_decision: z.object({ key: z.string(), prompt: z.string(), choices: z.array(z.object({ id: z.string(), label: z.string() })) }).nullable(),
      finished: z.boolean(),
      completed: z.array(z.string()),
      choices: z.record(z.string(), z.string()),
      hint_penalty: z.number(),
      decision_delta: z.number(),
      has_decision_after_current: z.boolean(),
    }),
    feedback: z.object({ kind: z.enum(["answer", "consequence", "hint"]), stage: z.string().optional(), verdict: z.string().optional(), text: z.string() }).nullable(),
  }),
  errors: [422],
});

// ---------------------------------------------------------------- recipes (the same flow under /admin/studio/recipes/{slug})

export const recipeParams = z.object({ slug: z.string().min(1).max(80) });
export const publishRecipeBody = publishBody.omit({ rescore: true });
export const previewRecipeBody = z.object({
  reset: z.boolean().optional().describe("Start the sandbox over."),
  complete_step: z.number().int("must be a whole number").min(0, "must be ≥ 0").optional().describe("0-based step to tick off."),
});

const recipeDraft = z.object({ slug: z.string(), ...draftBase, recipe: draftObject });

export const listRecipes = defineContract({
  method: "get",
  path: "/admin/studio/recipes",
  tag: T,
  summary: "Recipes with their status, published version, draft and last editor",
  permission: "content:manage",
  query: listQuery,
  response: z.object({ items: z.array(z.object({ slug: z.string(), ...itemBase })) }),
});

export const createRecipe = defineContract({
  method: "post",
  path: "/admin/studio/recipes",
  tag: T,
  summary: "Create a recipe draft, blank or from a copy",
  permission: "content:manage",
  body: createRecipeBody,
  response: recipeDraft,
  status: 201,
  errors: [409],
});

export const getRecipe = defineContract({
  method: "get",
  path: "/admin/studio/recipes/{slug}",
  tag: T,
  summary: "The recipe draft (or the published content when no draft is pending)",
  permission: "content:manage",
  params: recipeParams,
  response: recipeDraft,
});

export const saveRecipe = defineContract({
  method: "put",
  path: "/admin/studio/recipes/{slug}",
  tag: T,
  summary: "Save the recipe draft (`draft_version` required; 409 naming who saved last when stale)",
  permission: "content:manage",
  params: recipeParams,
  body: saveRecipeBody,
  response: recipeDraft,
  errors: [409],
});

export const validateRecipe = defineContract({
  method: "post",
  path: "/admin/studio/recipes/{slug}/validate",
  tag: T,
  summary: "Every problem of the recipe draft by path",
  permission: "content:manage",
  params: recipeParams,
  response: z.object({ slug: z.string(), draft_version: z.number().int(), valid: z.boolean(), problems: z.array(problem) }),
});

export const recipeImpact = defineContract({
  method: "get",
  path: "/admin/studio/recipes/{slug}/impact",
  tag: T,
  summary: "What publishing would change, and the learners part-way through or done, by state",
  permission: "content:manage",
  params: recipeParams,
  response: z.object({
    slug: z.string(),
    draft_version: z.number().int(),
    published_version: z.number().int().nullable(),
    changes: z.object({
      fields: z.array(z.string()),
      steps: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.array(z.number().int()) }),
      changed: z.boolean(),
    }),
    learners: byState,
  }),
  errors: [422],
});

export const publishRecipe = defineContract({
  method: "post",
  path: "/admin/studio/recipes/{slug}/publish",
  tag: T,
  summary: "Publish the recipe draft (422 with problems when invalid)",
  permission: "content:manage",
  params: recipeParams,
  body: publishRecipeBody,
  response: z.object({
    slug: z.string(),
    status: z.string(),
    version: z.number().int(),
    previous_version: z.number().int().nullable(),
    outcome: z.enum(["created", "updated", "unchanged"]),
    draft_version: z.number().int(),
    audit: audit.nullable(),
  }),
  errors: [409, 422],
});

export const previewRecipe = defineContract({
  method: "post",
  path: "/admin/studio/recipes/{slug}/preview",
  tag: T,
  summary: "Read the recipe draft as a learner would, ticking steps off in the caller's sandbox",
  permission: "content:manage",
  params: recipeParams,
  body: previewRecipeBody,
  response: z.object({
    slug: z.string(),
    draft_version: z.number().int(),
    started_at: z.string(),
    restarted: z.boolean(),
    recipe: z.object({
      slug: z.string(),
      title: z.string(),
      summary: z.string(),
      description: z.string(),
      steps: z.array(z.object({ title: z.string(), body: z.string(), command: z.string().nullable(), expected_outcome: z.string(), evidence_hint: z.string().nullable() })),
    }),
    state: z.object({ steps_completed: z.array(z.number().int()), completed: z.boolean() }),
  }),
  errors: [422],
});
