import type { MissionInput, RecipeInput } from "@/lib/content/schemas";

// A draft as the editor holds it: the content-pack shape, possibly incomplete while being written.
export type MissionDraft = Partial<MissionInput> & Record<string, unknown>;
export type StageDraft = MissionInput["stages"][number];
export type DecisionDraft = NonNullable<MissionInput["decisions"]>[number];
export type CriterionDraft = MissionInput["rubric"][number];
export type RecipeDraft = Partial<RecipeInput> & Record<string, unknown>;

/** Edits a copy of the draft in place; the editor saves the result. */
export type Edit<T> = (fn: (draft: T) => void) => void;
