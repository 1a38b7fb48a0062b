// Closed vocabularies shared by the schema (check constraints) and the zod content schemas.
export const TRACKS = ["defender", "offensive", "grc", "innovation", "leadership"] as const;
export const TIERS = ["beginner", "intermediate", "advanced", "mastery"] as const;
export const ROLES = ["learner", "mentor", "admin", "enterprise"] as const;
export const CONTENT_STATUSES = ["draft", "published", "archived"] as const;
export const PROGRESS_STATES = [
  "not_started",
  "in_progress",
  "submitted",
  "in_review",
  "approved",
  "changes_requested",
  "failed",
  "expired",
] as const;
export const REVIEW_OUTCOMES = ["approved", "changes_requested", "failed"] as const;
export const RECIPE_TYPES = ["technical", "analysis", "tooling", "process", "communication"] as const;
export const RECIPE_DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export const RECIPE_SORTS = ["relevance", "popular", "rating", "newest"] as const;

export type Track = (typeof TRACKS)[number];
export type Tier = (typeof TIERS)[number];
export type Role = (typeof ROLES)[number];
export type ProgressState = (typeof PROGRESS_STATES)[number];
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** SQL list literal for check constraints: ('a','b'). Values are our own constants, never user input. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v}'`).join(",")})`;
}
