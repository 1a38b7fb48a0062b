import type { RecipeInput } from "../schemas";
// One recipe per file; listed here so the bundler includes them.
export const RECIPES: RecipeInput[] = [];
