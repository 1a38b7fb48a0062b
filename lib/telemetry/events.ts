import { z } from "zod";

// Telemetry event vocabulary (SPEC §3). Server actions write the events they cause in the same
// transaction (lib/telemetry/record.ts); the browser tracker sends the rest to the ingest endpoint.
export const EVENT_TYPES = [
  "mission.viewed",
  "mission.started",
  "stage.entered",
  "stage.left",
  "stage.completed",
  "decision.made",
  "hint.unlocked",
  "tool.used",
  "evidence.uploaded",
  "evidence.removed",
  "reflection.saved",
  "mission.submitted",
  "mission.reviewed",
  "mission.abandoned",
  "mission.expired",
  "recipe.viewed",
  "recipe.step_completed",
  "recipe.completed",
  "recipe.marked_used",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An event as a client sends it (snake_case JSON). */
export const clientEventSchema = z.object({
  event_id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  occurred_at: z.iso.datetime({ offset: true }),
  mission: z.string().min(1).max(80).optional(),
  progress: z.uuid().optional(),
  stage: z.string().max(80).optional(),
  recipe: z.string().min(1).max(80).optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type ClientEvent = z.infer<typeof clientEventSchema>;

export const eventBatchSchema = z.object({ events: z.array(clientEventSchema).min(1).max(500, "at most 500 events per batch") });

/** An event as the server records it. */
export interface EventRecord {
  eventId?: string;
  type: EventType;
  userId: string;
  occurredAt?: Date;
  missionId?: string | null;
  progressId?: string | null;
  stageKey?: string | null;
  recipeId?: string | null;
  payload?: Record<string, unknown>;
}
