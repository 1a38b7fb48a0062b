import { z } from "zod";
import { CONTENT_STATUSES, RECIPE_DIFFICULTIES, RECIPE_TYPES, TIERS, TRACKS } from "@/lib/db/schema/enums";

// Content-pack schemas (SPEC §2). Field names are snake_case: they are the JSON authors write.
export const MISSION_CODE = /^[A-Z]{2,6}-\d{2,3}$/;
export const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const END = "end";

const key = z.string().regex(KEY, "must be a lowercase slug (a-z, 0-9, -)");
const text = (max = 20_000) => z.string().trim().min(1, "must not be empty").max(max);
const skills = z.array(z.string().regex(KEY, "must be a skill tag (lowercase slug)")).default([]);

export const EVIDENCE_KINDS = ["image", "pdf", "text", "csv", "json", "pcap", "zip"] as const;
export const LINK_KINDS = ["repository", "notebook", "video", "document", "other"] as const;

export const evidenceRuleSchema = z
  .object({
    required: z.boolean().default(false),
    min_files: z.number().int().min(0).max(10).default(0),
    max_files: z.number().int().min(0).max(10).default(10),
    kinds: z.array(z.enum(EVIDENCE_KINDS)).default([...EVIDENCE_KINDS]),
    links: z
      .object({ required: z.boolean().default(false), kinds: z.array(z.enum(LINK_KINDS)).min(1) })
      .optional(),
    description: z.string().max(2000).optional(),
  })
  .refine((e) => e.min_files <= e.max_files, { message: "min_files must be ≤ max_files", path: ["min_files"] });

export const answerCheckSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("exact"), value: text(500), explanation: z.string().optional() }),
  z.object({
    kind: z.literal("regex"),
    pattern: text(500).refine((p) => {
      try {
        new RegExp(p);
        return true;
      } catch {
        return false;
      }
    }, "must be a valid regular expression"),
    explanation: z.string().optional(),
  }),
  z.object({
    kind: z.literal("set"),
    values: z.array(text(500)).min(1),
    // How many of the values the learner must give (default all).
    min_matches: z.number().int().min(1).optional(),
    explanation: z.string().optional(),
  }),
]);

export const hintSchema = z.object({
  text: text(5000),
  penalty: z.number().int().min(0, "must be ≥ 0").max(100),
});

export const stageSchema = z.object({
  key,
  title: text(200),
  instructions: text(),
  required_skills: skills,
  evidence: evidenceRuleSchema.default({ required: false, min_files: 0, max_files: 10, kinds: [...EVIDENCE_KINDS] }),
  notes_min_chars: z.number().int().min(0).max(10_000).default(0),
  weight: z.number().min(0).max(100).default(1),
  required: z.boolean().default(true),
  answer: answerCheckSchema.optional(),
  answer_prompt: z.string().max(500).optional(),
  recipes: z.array(key).default([]),
  hints: z.array(hintSchema).default([]),
  next: z.string().optional(),
});

export const choiceSchema = z.object({
  id: key,
  label: text(300),
  consequence: text(5000),
  next_stage: z.string().min(1),
  score_delta: z.number().int().min(-20).max(20).default(0),
  ideal: z.boolean().default(false),
  rationale: z.string().max(5000).optional(),
});

export const decisionSchema = z.object({
  key,
  after_stage: key,
  prompt: text(5000),
  choices: z.array(choiceSchema).min(2, "needs 2–4 choices").max(4, "needs 2–4 choices"),
});

export const rubricLevelSchema = z.object({
  points: z.number().min(0, "must be ≥ 0"),
  label: text(100),
  descriptor: text(2000),
});

export const rubricCriterionSchema = z
  .object({
    key,
    stage: key.nullable().default(null),
    title: text(200),
    description: z.string().max(2000).default(""),
    weight: z.number().positive("must be > 0").default(1),
    skills: skills,
    levels: z.array(rubricLevelSchema).min(2, "needs at least 2 levels"),
  })
  .refine((c) => Math.max(...c.levels.map((l) => l.points)) > 0, {
    message: "the highest level must be worth more than 0 points",
    path: ["levels"],
  })
  // Moodle's rule: a criterion whose levels are all worth the same cannot tell two submissions apart.
  .refine((c) => c.levels.length < 2 || Math.max(...c.levels.map((l) => l.points)) <= 0 || new Set(c.levels.map((l) => l.points)).size > 1, {
    message: "levels must not all be worth the same points",
    path: ["levels"],
  });

export const missionSchema = z.object({
  code: z.string().regex(MISSION_CODE, "must look like SIEM-03"),
  title: text(200),
  track: z.enum(TRACKS),
  tier: z.enum(TIERS),
  summary: z.string().max(500).default(""),
  story: text(),
  objectives: z.array(text(500)).min(1, "needs at least one objective"),
  estimated_minutes: z.number().int().min(5).max(10_000),
  skills,
  time_constraint_hours: z.number().positive().max(24 * 60).nullable().default(null),
  auto_submit_on_deadline: z.boolean().default(false),
  reflection_required: z.boolean().default(true),
  reflection_prompt: z.string().max(2000).optional(),
  success_criteria: z
    .object({
      min_score: z.number().min(0).max(100).default(60),
      required_stages: z.array(key).default([]),
      items: z.array(text(500)).default([]),
    })
    .default({ min_score: 60, required_stages: [], items: [] }),
  status: z.enum(CONTENT_STATUSES).default("published"),
  stages: z.array(stageSchema).min(1, "needs at least one stage"),
  decisions: z.array(decisionSchema).default([]),
  rubric: z.array(rubricCriterionSchema).min(1, "needs at least one criterion"),
});

export const recipeStepSchema = z.object({
  title: text(200),
  body: text(),
  command: z.string().max(5000).optional(),
  expected_outcome: text(2000),
  evidence_hint: z.string().max(1000).optional(),
});

export const recipeLinkSchema = z
  .object({
    mission: z.string().regex(MISSION_CODE).optional(),
    stage: key.optional(),
    module: key.optional(),
    required: z.boolean().default(false),
    order: z.number().int().min(0).default(0),
  })
  .refine((l) => Boolean(l.mission) !== Boolean(l.module), { message: "link a mission or a module, not both" })
  .refine((l) => !l.stage || l.mission, { message: "a stage link needs its mission", path: ["stage"] });

export const recipeSchema = z.object({
  slug: key,
  title: text(200),
  summary: text(500),
  description: text(),
  type: z.enum(RECIPE_TYPES),
  difficulty: z.enum(RECIPE_DIFFICULTIES),
  estimated_minutes: z.number().int().min(5, "must be 5–60").max(60, "must be 5–60"),
  skills: skills.refine((s) => s.length > 0, "needs at least one skill"),
  tools: z.array(text(100)).default([]),
  prerequisites: z.array(key).default([]),
  steps: z.array(recipeStepSchema).min(1, "needs at least one step"),
  inputs: z.array(text(500)).default([]),
  environment: z.string().max(2000).default(""),
  validation_checks: z.array(text(1000)).default([]),
  related: z.array(key).default([]),
  links: z.array(recipeLinkSchema).default([]),
  mentor_curated: z.boolean().default(false),
  status: z.enum(CONTENT_STATUSES).default("published"),
});

/** One self-check question: single answer, feedback for every choice (why it is right or wrong). */
export const selfCheckQuestionSchema = z
  .object({
    id: key,
    prompt: text(1000),
    choices: z
      .array(z.object({ id: key, text: text(500), correct: z.boolean().default(false), feedback: text(1000) }))
      .min(2, "needs 2–5 choices")
      .max(5, "needs 2–5 choices"),
  })
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, { message: "needs exactly one correct choice", path: ["choices"] })
  .refine((q) => new Set(q.choices.map((c) => c.id)).size === q.choices.length, { message: "choice ids must be unique", path: ["choices"] });

export const foundationModuleSchema = z
  .object({
    slug: key,
    title: text(200),
    summary: text(1000),
    body: z.string().max(60_000).default(""),
    estimated_minutes: z.number().int().min(1).max(600),
    required: z.boolean().default(true),
    // Passing it (see passMark in lib/foundations/self-check.ts) is how the app marks the module done.
    self_check: z.array(selfCheckQuestionSchema).max(12).default([]),
  })
  .refine((m) => new Set(m.self_check.map((q) => q.id)).size === m.self_check.length, { message: "question ids must be unique", path: ["self_check"] });

export const contentPackSchema = z.object({
  format: z.literal("sortie-content-pack/1").default("sortie-content-pack/1"),
  foundations: z.array(foundationModuleSchema).default([]),
  missions: z.array(missionSchema).default([]),
  recipes: z.array(recipeSchema).default([]),
});

export type MissionContent = z.output<typeof missionSchema>;
export type MissionInput = z.input<typeof missionSchema>;
export type StageContent = MissionContent["stages"][number];
export type DecisionContent = MissionContent["decisions"][number];
export type ChoiceContent = DecisionContent["choices"][number];
export type RubricCriterionContent = MissionContent["rubric"][number];
export type AnswerCheck = z.output<typeof answerCheckSchema>;
export type RecipeContent = z.output<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;
export type FoundationModuleContent = z.output<typeof foundationModuleSchema>;
export type FoundationModuleInput = z.input<typeof foundationModuleSchema>;
export type SelfCheckQuestion = z.output<typeof selfCheckQuestionSchema>;
export type ContentPack = z.output<typeof contentPackSchema>;
export type ContentPackInput = z.input<typeof contentPackSchema>;
