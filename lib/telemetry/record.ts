import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { stageTimeUpsert } from "@/lib/db/queries/telemetry";
import { telemetryEvents } from "@/lib/db/schema";
import type { EventRecord } from "./events";

/** Appends events inside the caller's transaction, so an action and its events commit together. */
export async function recordEvents(tx: Tx, events: EventRecord[]) {
  if (events.length === 0) return;
  const insert = tx
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
  if (!events.some((e) => e.type === "stage.left")) {
    await insert;
    return;
  }
  const inserted = await insert.returning({ type: telemetryEvents.type, progressId: telemetryEvents.progressId, missionId: telemetryEvents.missionId, stageKey: telemetryEvents.stageKey, payload: telemetryEvents.payload });
  // Visible stage time goes into the stage_time rollup, from the rows actually inserted only.
  const timed = inserted.filter((e) => e.type === "stage.left" && e.progressId && e.missionId && e.stageKey && typeof e.payload?.visible_ms === "number" && Number.isFinite(e.payload.visible_ms));
  if (timed.length === 0) return;
  const batch = JSON.stringify(timed.map((e) => ({ type: e.type, progress_id: e.progressId, mission_id: e.missionId, stage_key: e.stageKey, payload: e.payload })));
  await tx.execute(stageTimeUpsert(sql`jsonb_to_recordset(${batch}::jsonb) as x(type text, progress_id uuid, mission_id uuid, stage_key text, payload jsonb)`));
}
