import "server-only";
import { errors, zodFields } from "@/lib/errors";
import { parseJsonText } from "@/lib/api/input";
import type { Caller } from "@/lib/auth/session";
import { insertEvents, progressOwners, resolveMissionRefs, resolveRecipeRefs, type IngestRow } from "@/lib/db/queries/telemetry";
import { eventBatchSchema, type ClientEvent } from "@/lib/api/contracts/telemetry";

/** sendBeacon bodies are capped around 64 KB by browsers; fetch batches of 500 events fit in 1 MB. */
export const INGEST_MAX_BYTES = 1024 * 1024;
const MAX_PAYLOAD_BYTES = 8 * 1024;
const MAX_FUTURE_MS = 24 * 3600_000;
const STAGE_EVENTS = new Set(["stage.entered", "stage.left", "stage.completed", "nudge.shown", "nudge.opened", "nudge.dismissed"]);

/**
 * Reads an ingest body: JSON, or text/plain (what navigator.sendBeacon sends for a string),
 * with a size cap that holds even when Content-Length is absent or wrong.
 */
export async function readIngestBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type && !type.includes("json") && !type.startsWith("text/plain")) throw errors.unsupported("Send events as application/json or text/plain.");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > INGEST_MAX_BYTES) throw errors.tooLarge("A batch may be at most 1 MB.");
  const reader = req.body?.getReader();
  if (!reader) throw errors.validation({ events: "required" }, "The body is empty.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > INGEST_MAX_BYTES) {
      await reader.cancel().catch(() => {});
      throw errors.tooLarge("A batch may be at most 1 MB.");
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw errors.validation({ events: "required" }, "The body is empty.");
  return parseJsonText(text);
}

/** Rules zod's shape alone cannot say: stage events name a stage, payloads stay small, times are sane. */
function semanticErrors(events: ClientEvent[], now: number): Record<string, string> {
  const fields: Record<string, string> = {};
  events.forEach((e, i) => {
    if (STAGE_EVENTS.has(e.type) && !e.stage) fields[`events[${i}].stage`] = `required for ${e.type}`;
    if (STAGE_EVENTS.has(e.type) && !e.progress) fields[`events[${i}].progress`] = `required for ${e.type}`;
    if (Date.parse(e.occurred_at) - now > MAX_FUTURE_MS) fields[`events[${i}].occurred_at`] = "is in the future";
    if (JSON.stringify(e.payload).length > MAX_PAYLOAD_BYTES) fields[`events[${i}].payload`] = "must be at most 8 KB of JSON";
    const vm = e.payload.visible_ms;
    if (vm !== undefined && (typeof vm !== "number" || !Number.isFinite(vm) || vm < 0 || vm > 7 * 86_400_000))
      fields[`events[${i}].payload.visible_ms`] = "must be a number of milliseconds between 0 and 7 days";
  });
  return fields;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/**
 * Validates a batch, resolves mission (id or code) and recipe (id or slug) references, refuses
 * events about progress that is not the caller's (403, nothing written), then stores the batch with
 * one idempotent multi-row insert. Each event_id is stored once, however often it is sent.
 */
export async function ingestEvents({ caller, body, now = new Date() }: { caller: Caller; body: unknown; now?: Date }): Promise<IngestResult> {
  const parsed = eventBatchSchema.safeParse(body);
  if (!parsed.success) throw errors.validation(zodFields(parsed.error), "Some events are not valid.");
  const events = parsed.data.events;
  const bad = semanticErrors(events, now.getTime());
  if (Object.keys(bad).length) throw errors.validation(bad, "Some events are not valid.");

  const uniq = <T,>(xs: (T | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== undefined))];
  const [missions, recipes, progress] = await Promise.all([
    resolveMissionRefs({ refs: uniq(events.map((e) => e.mission)) }),
    resolveRecipeRefs({ refs: uniq(events.map((e) => e.recipe)) }),
    progressOwners({ ids: uniq(events.map((e) => e.progress?.toLowerCase())) }),
  ]);

  const fields: Record<string, string> = {};
  let foreign = false;
  const rowsById = new Map<string, IngestRow>();
  events.forEach((e, i) => {
    const p = e.progress ? progress.get(e.progress.toLowerCase()) : undefined;
    if (e.progress && !p) fields[`events[${i}].progress`] = "unknown progress";
    if (p && p.userId !== caller.id) foreign = true;
    let missionId = e.mission ? missions.get(e.mission) : undefined;
    if (e.mission && !missionId) fields[`events[${i}].mission`] = "unknown mission";
    if (p && missionId && p.missionId !== missionId) fields[`events[${i}].mission`] = "does not match the progress";
    missionId ??= p?.missionId;
    const recipeId = e.recipe ? recipes.get(e.recipe) : undefined;
    if (e.recipe && !recipeId) fields[`events[${i}].recipe`] = "unknown recipe";
    const id = e.event_id.toLowerCase();
    // A duplicate inside the batch is the same event sent twice: keep the first.
    if (!rowsById.has(id))
      rowsById.set(id, {
        eventId: id,
        type: e.type,
        userId: caller.id,
        // As sent: validated ISO with an offset, parsed by Postgres (no Date to build and print again).
        occurredAt: e.occurred_at,
        missionId: missionId ?? null,
        progressId: p ? e.progress!.toLowerCase() : null,
        stageKey: e.stage ?? null,
        recipeId: recipeId ?? null,
        payload: e.payload,
      });
  });
  if (foreign) throw errors.forbidden("Events may only describe your own progress.");
  if (Object.keys(fields).length) throw errors.validation(fields, "Some events are not valid.");

  const accepted = await insertEvents({ events: [...rowsById.values()] });
  return { accepted, duplicates: events.length - accepted };
}
