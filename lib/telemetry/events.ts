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
  // SPEC §7 "Nudges": the stage player shows the server's nudge, and the learner opens or dismisses it.
  "nudge.shown",
  "nudge.opened",
  "nudge.dismissed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

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
