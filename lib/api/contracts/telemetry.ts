import { z } from "zod";
import { EVENT_TYPES } from "@/lib/telemetry/events";
import { defineContract } from "../contract";
import { isoDateTime } from "@/lib/api/dates";

/** An event as a client sends it (snake_case JSON). */
export const clientEventSchema = z.object({
  event_id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  occurred_at: isoDateTime(),
  mission: z.string().min(1).max(80).optional(),
  progress: z.uuid().optional(),
  stage: z.string().max(80).optional(),
  recipe: z.string().min(1).max(80).optional(),
  // An object of anything (as z.record(z.string(), z.unknown()) says for JSON input), without a key
  // and a value schema run per entry: 40% of the batch's validation time.
  payload: z.looseObject({}).default({}),
});
export type ClientEvent = z.infer<typeof clientEventSchema>;

export const eventBatchSchema = z.object({ events: z.array(clientEventSchema).min(1).max(500, "at most 500 events per batch") });

export const xapiQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  since: isoDateTime().optional(),
  until: isoDateTime().optional(),
  type: z.string().max(40).optional(),
});

const languageMap = z.record(z.string(), z.string());
const activity = z.object({ objectType: z.literal("Activity"), id: z.string(), definition: z.object({ name: languageMap, type: z.string() }) });
const statement = z.object({
  id: z.uuid(),
  actor: z.object({ objectType: z.literal("Agent"), name: z.string().optional(), account: z.object({ homePage: z.string(), name: z.string() }) }),
  verb: z.object({ id: z.string(), display: languageMap }),
  object: activity,
  result: z
    .object({
      duration: z.string().optional().describe("ISO 8601, the visible time"),
      response: z.string().optional(),
      score: z.object({ scaled: z.number(), raw: z.number(), min: z.number(), max: z.number() }).optional(),
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
    })
    .optional(),
  context: z.object({
    registration: z.uuid().optional().describe("The progress (attempt) id"),
    platform: z.string(),
    contextActivities: z.object({ parent: z.array(activity) }).optional(),
    extensions: z.record(z.string(), z.unknown()).describe("The Sortie event type, and the event's payload as the client sent it"),
  }),
  timestamp: z.string(),
  stored: z.string(),
  version: z.literal("1.0.3"),
});

const T = "Telemetry";

export const ingestEvents = defineContract({
  method: "post",
  path: "/telemetry/events",
  tag: T,
  summary: "Ingest a batch of up to 500 events",
  description:
    "Idempotent by `event_id`: events already stored (or repeated inside the batch) count as duplicates. Accepts `application/json` or `text/plain` (navigator.sendBeacon), at most 1 MB. `mission` is an id or code, `recipe` an id or slug. Events about another user's progress are refused (403) and nothing of the batch is written; each invalid event is named by its path (`events[3].occurred_at`).",
  permission: "telemetry:ingest",
  // Read by the ingest itself: beacons arrive as text/plain, which route() refuses.
  documentedBody: eventBatchSchema,
  response: z.object({ accepted: z.number().int(), duplicates: z.number().int() }),
  errors: [413, 415],
});

export const xapi = defineContract({
  method: "get",
  path: "/telemetry/xapi",
  tag: T,
  summary: "Events as xAPI statements (paginated)",
  description: "Actor account = user id, verb IRI per event type, object = mission, stage or recipe activity, result (duration, score, success), context.registration = progress id. Pass `next_cursor` back as `cursor` for the next page; null at the end.",
  permission: "telemetry:export",
  query: xapiQuerySchema,
  response: z.object({ statements: z.array(statement), next_cursor: z.string().nullable() }),
});
