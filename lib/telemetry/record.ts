import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { telemetryEvents } from "@/lib/db/schema";
import type { EventRecord } from "./events";

/** Appends events inside the caller's transaction, so an action and its events commit together. */
export async function recordEvents(tx: Tx, events: EventRecord[]) {
  if (events.length === 0) return;
  await tx
    .insert(telemetryEvents)
    .values(
      events.map((e) => ({
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
    )
    .onConflictDoNothing({ target: telemetryEvents.eventId });
}

export const recordEvent = (tx: Tx, e: EventRecord) => recordEvents(tx, [e]);
