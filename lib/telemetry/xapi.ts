// Telemetry events as xAPI 1.0.3 statements (pure mapping; lib/telemetry/export.ts pages through the rows).
import type { NamedEventRow } from "@/lib/db/queries/telemetry";
import type { EventType } from "./events";

const ADL = "http://adlnet.gov/expapi/verbs/";
const SORTIE = "https://sortie.dev/xapi";

/** Verb IRI and display per event type: ADL/cmi5/Tin Can verbs where one fits, Sortie's own otherwise. */
export const VERBS: Record<EventType, { id: string; display: string }> = {
  "mission.viewed": { id: "http://id.tincanapi.com/verb/viewed", display: "viewed" },
  "mission.started": { id: `${ADL}attempted`, display: "attempted" },
  "stage.entered": { id: `${ADL}initialized`, display: "entered" },
  "stage.left": { id: `${ADL}exited`, display: "left" },
  "stage.completed": { id: `${ADL}completed`, display: "completed" },
  "decision.made": { id: `${ADL}answered`, display: "answered" },
  "hint.unlocked": { id: `${SORTIE}/verbs/unlocked-hint`, display: "unlocked a hint for" },
  "tool.used": { id: `${SORTIE}/verbs/used-tool`, display: "used a tool in" },
  "evidence.uploaded": { id: `${SORTIE}/verbs/uploaded-evidence`, display: "uploaded evidence to" },
  "evidence.removed": { id: `${SORTIE}/verbs/removed-evidence`, display: "removed evidence from" },
  "reflection.saved": { id: `${ADL}commented`, display: "reflected on" },
  "mission.submitted": { id: "http://activitystrea.ms/schema/1.0/submit", display: "submitted" },
  "mission.reviewed": { id: `${ADL}scored`, display: "was scored on" },
  "mission.abandoned": { id: "https://w3id.org/xapi/adl/verbs/abandoned", display: "abandoned" },
  "mission.expired": { id: `${SORTIE}/verbs/expired`, display: "ran out of time on" },
  "recipe.viewed": { id: "http://id.tincanapi.com/verb/viewed", display: "viewed" },
  "recipe.step_completed": { id: `${ADL}progressed`, display: "progressed in" },
  "recipe.completed": { id: `${ADL}completed`, display: "completed" },
  "recipe.marked_used": { id: `${SORTIE}/verbs/applied`, display: "applied" },
  "nudge.shown": { id: `${SORTIE}/verbs/was-nudged`, display: "was nudged" },
  "nudge.opened": { id: `${SORTIE}/verbs/opened-nudge`, display: "opened a nudge" },
  "nudge.dismissed": { id: `${SORTIE}/verbs/dismissed-nudge`, display: "dismissed a nudge" },
};

/** A stored event with the names it refers to: what the export query returns, less its cursor. */
export type XapiEventRow = Omit<NamedEventRow, "id" | "received_us">;

/** ISO 8601 duration (PT1M5.25S) from milliseconds. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

const ACTIVITY = "http://adlnet.gov/expapi/activities/";

function activity(id: string, name: string, type: string) {
  return { objectType: "Activity" as const, id, definition: { name: { "en-US": name }, type } };
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** One event as one xAPI statement. `base` is the app's origin (activity and account IRIs). */
export function toStatement(e: XapiEventRow, base: string) {
  const verb = VERBS[e.type as EventType] ?? { id: `${SORTIE}/verbs/${encodeURIComponent(e.type)}`, display: e.type };
  const missionIri = e.mission_code ? `${base}/missions/${e.mission_code}` : e.mission_id ? `${base}/missions/${e.mission_id}` : null;
  const missionAct = missionIri ? activity(missionIri, e.mission_title ?? e.mission_code ?? "Mission", `${ACTIVITY}simulation`) : null;
  let object;
  if (e.type.startsWith("recipe.") && (e.recipe_slug || e.recipe_id)) {
    object = activity(`${base}/recipes/${e.recipe_slug ?? e.recipe_id}`, e.recipe_title ?? e.recipe_slug ?? "Recipe", `${ACTIVITY}lesson`);
  } else if (e.stage_key && missionIri) {
    object = activity(`${missionIri}/stages/${e.stage_key}`, e.stage_title ?? e.stage_key, `${ACTIVITY}objective`);
  } else if (missionAct) {
    object = missionAct;
  } else {
    object = activity(`${base}/events/${e.type}`, e.type, `${ACTIVITY}interaction`);
  }

  const p = e.payload ?? {};
  const result: Record<string, unknown> = {};
  const visible = num(p.visible_ms);
  if (visible !== undefined) result.duration = isoDuration(visible);
  if (e.type === "decision.made" && typeof p.choice === "string") result.response = p.choice;
  if (e.type === "decision.made" && typeof p.choice_id === "string") result.response = p.choice_id;
  const score = num(p.score);
  if (score !== undefined) result.score = { scaled: Math.round((score / 100) * 1000) / 1000, raw: score, min: 0, max: 100 };
  if (typeof p.passed === "boolean") result.success = p.passed;
  if (e.type === "stage.completed" || e.type === "recipe.completed") result.completion = true;

  const parent = missionAct && object !== missionAct ? [missionAct] : undefined;
  const timestamp = new Date(e.occurred_at).toISOString();
  return {
    id: e.event_id,
    actor: { objectType: "Agent" as const, name: e.user_name ?? undefined, account: { homePage: base, name: e.user_id } },
    verb: { id: verb.id, display: { "en-US": verb.display } },
    object,
    ...(Object.keys(result).length ? { result } : {}),
    context: {
      ...(e.progress_id ? { registration: e.progress_id } : {}),
      platform: "Sortie",
      ...(parent ? { contextActivities: { parent } } : {}),
      extensions: { [`${SORTIE}/extensions/event-type`]: e.type, ...(Object.keys(p).length ? { [`${SORTIE}/extensions/payload`]: p } : {}) },
    },
    timestamp,
    stored: new Date(e.received_at).toISOString(),
    version: "1.0.3",
  };
}
export type XapiStatement = ReturnType<typeof toStatement>;

/** Opaque cursor over the events' insertion order. */
export function encodeCursor(e: { id: number | string; received_us: string }): string {
  return Buffer.from(`r:${e.received_us}:${e.id}`).toString("base64url");
}
/** A cursor this API returned: (received_at µs, id), or a bare id from before (still honoured). */
export function decodeCursor(cursor: string | undefined): { receivedUs: string; id: number } | { id: number } | null {
  if (!cursor) return { receivedUs: "-9000000000000000", id: 0 };
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const r = /^r:(-?\d{1,17}):(\d{1,18})$/.exec(raw);
  if (r) return { receivedUs: r[1], id: Number(r[2]) };
  const m = /^e:(\d{1,18})$/.exec(raw);
  return m ? { id: Number(m[1]) } : null;
}
