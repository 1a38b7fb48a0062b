import type { FoundationsState } from "@/lib/db/queries/foundations";

export function toFoundations(f: FoundationsState) {
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
    })),
    completed: f.completed,
    total: f.total,
    required_remaining: f.requiredRemaining,
    complete: f.complete,
  };
}
