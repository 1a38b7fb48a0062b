import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./events";
import { VERBS, decodeCursor, encodeCursor, isoDuration, toStatement, type XapiEventRow } from "./xapi";

const base = "https://sortie.example";
const row = (over: Partial<XapiEventRow> = {}): XapiEventRow => ({
  event_id: "6f1c1e1e-9c1f-4a55-9a55-0d7c2f9a1b11",
  type: "stage.left",
  user_id: "8c7a3f0e-2b1d-4c9e-8f00-1234567890ab",
  user_name: "Dana Whitfield",
  occurred_at: "2026-05-01T10:00:00.000Z",
  received_at: "2026-05-01T10:00:02.000Z",
  mission_id: "11111111-1111-4111-8111-111111111111",
  mission_code: "SIEM-01",
  mission_title: "Brute force on the VPN",
  progress_id: "22222222-2222-4222-8222-222222222222",
  stage_key: "triage",
  stage_title: "Triage",
  recipe_id: null,
  recipe_slug: null,
  recipe_title: null,
  payload: { visible_ms: 65_250 },
  ...over,
});

describe("xAPI mapping", () => {
  it("has a verb IRI for every event type", () => {
    for (const t of EVENT_TYPES) expect(VERBS[t].id).toMatch(/^https?:\/\//);
  });

  it("maps a stage event: account actor, verb, stage activity with its mission as parent, duration, registration", () => {
    const s = toStatement(row(), base);
    expect(s.id).toBe("6f1c1e1e-9c1f-4a55-9a55-0d7c2f9a1b11");
    expect(s.actor).toEqual({ objectType: "Agent", name: "Dana Whitfield", account: { homePage: base, name: "8c7a3f0e-2b1d-4c9e-8f00-1234567890ab" } });
    expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/exited");
    expect(s.object.id).toBe(`${base}/missions/SIEM-01/stages/triage`);
    expect(s.context.registration).toBe("22222222-2222-4222-8222-222222222222");
    expect(s.context.contextActivities?.parent?.[0].id).toBe(`${base}/missions/SIEM-01`);
    expect(s.result).toEqual({ duration: "PT1M5.25S" });
    expect(s.timestamp).toBe("2026-05-01T10:00:00.000Z");
    expect(s.stored).toBe("2026-05-01T10:00:02.000Z");
  });

  it("puts a review's score and outcome in the result", () => {
    const s = toStatement(row({ type: "mission.reviewed", stage_key: null, payload: { score: 82.5, passed: true } }), base);
    expect(s.object.id).toBe(`${base}/missions/SIEM-01`);
    expect(s.result).toEqual({ score: { scaled: 0.825, raw: 82.5, min: 0, max: 100 }, success: true });
  });

  it("maps recipe events to the recipe, and a decision to its response", () => {
    const r = toStatement(row({ type: "recipe.completed", progress_id: null, mission_id: null, mission_code: null, stage_key: null, recipe_id: "r", recipe_slug: "grep-auth-logs", recipe_title: "Grep", payload: {} }), base);
    expect(r.object.id).toBe(`${base}/recipes/grep-auth-logs`);
    expect(r.context.registration).toBeUndefined();
    expect(r.result).toEqual({ completion: true });
    const d = toStatement(row({ type: "decision.made", payload: { choice_id: "block" } }), base);
    expect(d.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(d.result).toEqual({ response: "block" });
  });

  it("formats durations and round-trips cursors, refusing forged ones", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(3_600_000 + 120_000)).toBe("PT1H2M");
    expect(decodeCursor(encodeCursor({ id: 12345, received_us: "1765000000123456" }))).toEqual({ receivedUs: "1765000000123456", id: 12345 });
    expect(decodeCursor(undefined)).toMatchObject({ id: 0 });
    // A cursor from before (a bare id) is still honoured.
    expect(decodeCursor(Buffer.from("e:77").toString("base64url"))).toEqual({ id: 77 });
    expect(decodeCursor("bm9wZQ")).toBeNull();
  });
});
