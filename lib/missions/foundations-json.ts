import type { FoundationsState, moduleRecipes } from "@/lib/db/queries/foundations";
import { publicQuestions } from "@/lib/foundations/grade";

type ModuleRecipe = Awaited<ReturnType<typeof moduleRecipes>>[number];

export function toFoundations(f: FoundationsState, recipes: ModuleRecipe[] = []) {
  return {
    modules: f.modules.map((m) => ({
      id: m.id,
      slug: m.slug,
      title: m.title,
      summary: m.summary,
      body: m.body,
      estimated_minutes: m.estimatedMinutes,
      position: m.position,
      required: m.required,
      completed: m.completedAt !== null,
      completed_at: m.completedAt?.toISOString() ?? null,
      self_check: publicQuestions(m.selfCheck),
      recipes: recipes
        .filter((r) => r.moduleId === m.id)
        .map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, estimated_minutes: r.estimatedMinutes, required: r.required })),
    })),
    completed: f.completed,
    total: f.total,
    required_remaining: f.requiredRemaining,
    complete: f.complete,
  };
}
