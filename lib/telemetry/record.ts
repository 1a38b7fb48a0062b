import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { insertEvents } from "@/lib/db/queries/telemetry";
import type { EventRecord } from "./events";

/**
 * Appends events inside the caller's transaction, so an action and its events commit together. The
 * same idempotent statement as ingest (insertEvents): an event id already stored is skipped, and the
 * stage_time rollup is fed only by the stage.left events actually inserted.
 */
export async function recordEvents(tx: Tx, events: EventRecord[]) {
  if (events.length === 0) return;
  await insertEvents({
    tx,
    events: events.map((e) => ({
      eventId: e.eventId ?? randomUUID(),
      type: e.type,
      userId: e.userId,
      occurredAt: e.occurredAt ?? new Date(),
      missionId: e.missionId ?? null,
      progressId: e.progressId ?? null,
      stageKey: e.stageKey ?? null,
      recipeId: e.recipeId ?? null,
      payload: e.payload ?? {},
    })),
  });
}
