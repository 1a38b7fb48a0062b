import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Tracker, VisibleClock, backoffDelay, type TrackerOptions } from "./tracker";

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    m,
  };
}

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

function setup(statuses: (number | "network")[], opts: TrackerOptions = {}) {
  const bodies: { events: { event_id: string; type: string }[] }[] = [];
  const fetch = vi.fn(async (_url: string, init: { body: string }) => {
    bodies.push(JSON.parse(init.body));
    const s = statuses.length > 1 ? statuses.shift()! : statuses[0];
    if (s === "network") throw new TypeError("Failed to fetch");
    return { status: s };
  });
  const storage = memoryStorage();
  const t = new Tracker({ fetch, storage, uuid, random: () => 0.999999, batchSize: 3, flushDelayMs: 1000, baseBackoffMs: 1000, maxBackoffMs: 8000, ...opts });
  return { t, fetch, bodies, storage };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Tracker", () => {
  it("batches events and flushes after the delay", async () => {
    const { t, fetch, bodies } = setup([200]);
    t.track("mission.viewed", { mission: "SIEM-01" });
    t.track("recipe.viewed", { recipe: "grep-auth-logs" });
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(bodies[0].events.map((e) => e.type)).toEqual(["mission.viewed", "recipe.viewed"]);
    expect(t.pending).toHaveLength(0);
  });

  it("flushes at once when a batch is full, and splits a long queue into batches", async () => {
    const { t, bodies } = setup([200], { batchSize: 2 });
    for (let i = 0; i < 5; i++) t.track("tool.used", { stage: "triage" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bodies.map((b) => b.events.length)).toEqual([2, 2, 1]);
    expect(t.pending).toHaveLength(0);
  });

  it("keeps events after a failure and retries with exponential backoff until a 2xx", async () => {
    const { t, fetch, bodies } = setup(["network", 503, 429, 200]);
    const e = t.track("mission.viewed");
    await vi.advanceTimersByTimeAsync(1000); // first try: network error
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(t.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // backoff 1 s (random≈1)
    expect(fetch).toHaveBeenCalledTimes(2); // 503
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(2); // waiting 2 s
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3); // 429, next wait 4 s
    await vi.advanceTimersByTimeAsync(3999);
    expect(fetch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(4); // 200
    expect(t.pending).toHaveLength(0);
    // The same event, same id, every time: the server keeps it once.
    expect(new Set(bodies.map((b) => b.events[0].event_id))).toEqual(new Set([e.event_id]));
  });

  it("drops a batch the server refuses for good (400) instead of blocking the queue", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { t } = setup([400]);
    t.track("mission.viewed");
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.pending).toHaveLength(0);
    warn.mockRestore();
  });

  it("beacons the queue on page hide but keeps it until a 2xx, and a new page re-sends it", async () => {
    const beacons: string[] = [];
    const { t, storage, fetch } = setup(["network"], { sendBeacon: (_u, b) => (beacons.push(b), true) });
    t.track("stage.left", { progress: "p", stage: "triage", payload: { visible_ms: 1200 } });
    expect(t.beacon()).toBe(true);
    expect(JSON.parse(beacons[0]).events).toHaveLength(1);
    expect(t.pending).toHaveLength(1);
    // The next page load finds the event in storage and sends it with fetch.
    const bodies: unknown[] = [];
    const next = new Tracker({ storage, fetch: async (_u, init) => (bodies.push(JSON.parse(init.body)), { status: 200 }), flushDelayMs: 500 });
    expect(next.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(bodies).toHaveLength(1);
    expect(next.pending).toHaveLength(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("chunks a large queue into several beacons", () => {
    const beacons: string[] = [];
    const { t } = setup([200], { batchSize: 10_000, sendBeacon: (_u, b) => (beacons.push(b), true) });
    for (let i = 0; i < 450; i++) t.track("recipe.step_completed", { recipe: "grep-auth-logs", payload: { step: i } });
    t.beacon();
    expect(beacons.length).toBe(3);
    expect(beacons.reduce((s, b) => s + JSON.parse(b).events.length, 0)).toBe(450);
    expect(beacons.every((b) => b.length < 64_000)).toBe(true);
  });
});

describe("backoffDelay", () => {
  it("doubles per attempt, caps, and jitters between half and full", () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(3, 1000, 60_000, () => 0.999999)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.999999)).toBe(60_000);
  });
});

describe("VisibleClock", () => {
  it("counts only visible time", () => {
    let now = 0;
    const c = new VisibleClock(() => now);
    c.visible();
    now = 5000;
    c.hidden();
    now = 65_000; // hidden for a minute: not counted
    c.visible();
    now = 67_500;
    expect(c.elapsed()).toBe(7500);
    expect(c.reset()).toBe(7500);
    now = 68_000;
    expect(c.elapsed()).toBe(500);
  });
});

describe("a queue per tab", () => {
  it("two tabs on one localStorage keep each other's unsent events", () => {
    const storage = memoryStorage();
    const down = async () => {
      throw new TypeError("offline");
    };
    const a = new Tracker({ storage, tabId: "a", fetch: down, uuid });
    const b = new Tracker({ storage, tabId: "b", fetch: down, uuid });
    const ea = a.track("recipe.viewed", { recipe: "r1" });
    const eb = b.track("recipe.viewed", { recipe: "r2" });
    a.track("recipe.viewed", { recipe: "r3" });
    const stored = [...storage.m.values()].flatMap((v) => (JSON.parse(v) as { events: { event_id: string }[] }).events.map((e) => e.event_id));
    expect(stored).toEqual(expect.arrayContaining([ea.event_id, eb.event_id]));
    expect(stored).toHaveLength(3);
  });

  it("a new page adopts the queues of tabs gone quiet and the old shared key, but not a live tab's", () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const clock = () => now;
    const down = async () => ({ status: 503 });
    const closed = new Tracker({ storage, tabId: "closed", fetch: down, uuid, now: clock });
    const gone = closed.track("recipe.viewed", { recipe: "r1" });
    const live = new Tracker({ storage, tabId: "live", fetch: down, uuid, now: clock });
    expect(live.pending).toEqual([]); // the other tab wrote just now: it is alive
    storage.setItem("sortie.telemetry.queue.v1", JSON.stringify([{ event_id: "legacy-1", type: "recipe.viewed", occurred_at: new Date(0).toISOString(), payload: {} }]));
    now += 60_000;
    const liveEvent = live.track("recipe.viewed", { recipe: "r2" });
    const fresh = new Tracker({ storage, tabId: "fresh", fetch: down, uuid, now: clock });
    const ids = fresh.pending.map((e) => e.event_id);
    expect(ids).toEqual(expect.arrayContaining([gone.event_id, "legacy-1"]));
    expect(ids).not.toContain(liveEvent.event_id);
    expect(storage.getItem("sortie.telemetry.queue.v2.closed")).toBeNull();
    expect(storage.getItem("sortie.telemetry.queue.v1")).toBeNull();
    expect(storage.getItem("sortie.telemetry.queue.v2.live")).not.toBeNull();
  });
});
