// Browser telemetry tracker: plain TypeScript, no React, every browser API injectable (tests pass
// fakes). At-least-once: an event leaves the queue only after the server answered 2xx (the server
// drops duplicates by event_id, so sending twice is harmless and losing is not).
import type { EventType } from "./events";

export const TELEMETRY_ENDPOINT = "/api/v1/telemetry/events";
// One queue per tab (localStorage is shared by every tab of the site, so one key let two tabs
// overwrite each other's unsent events): "<prefix><tab id>" holding { at, events }. A tab picks up
// the queues of tabs gone quiet (closed, crashed) and the old shared key; at worst an event is then
// sent by two tabs, which the server's event_id makes harmless.
const LEGACY_KEY = "sortie.telemetry.queue.v1";
export const QUEUE_PREFIX = "sortie.telemetry.queue.v2.";
/** A queue not written for this long belongs to a tab that is gone (a live one writes on every change). */
const ORPHAN_AFTER_MS = 30_000;

export interface TrackContext {
  mission?: string;
  progress?: string;
  stage?: string;
  recipe?: string;
  payload?: Record<string, unknown>;
}

export interface QueuedEvent extends Omit<TrackContext, "payload"> {
  event_id: string;
  type: EventType;
  occurred_at: string;
  payload: Record<string, unknown>;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

export interface TrackerOptions {
  endpoint?: string;
  /** Events per request (the server takes up to 500). */
  batchSize?: number;
  /** Flush this long after the first queued event, so events of one moment share a request. */
  flushDelayMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Queue cap: the oldest events are dropped beyond it (a browser offline for days). */
  maxQueue?: number;
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string; keepalive?: boolean; credentials?: "same-origin" }) => Promise<{ status: number }>;
  sendBeacon?: (url: string, body: string) => boolean;
  storage?: StorageLike | null;
  /** This tab's id (kept in sessionStorage by getTracker, so a reload keeps its queue). */
  tabId?: string;
  now?: () => number;
  uuid?: () => string;
  random?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** Exponential backoff with jitter: base·2^attempt, capped, times a factor in [0.5, 1). */
export function backoffDelay(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(exp * (0.5 + random() / 2));
}

/** Statuses that will never succeed on retry: the batch is dropped rather than blocking the queue. */
const PERMANENT = new Set([400, 403, 404, 413, 415, 422]);

export class Tracker {
  private queue: QueuedEvent[] = [];
  private inflight: Promise<void> | null = null;
  private timer: unknown = null;
  private failures = 0;
  private readonly o: Required<Omit<TrackerOptions, "storage" | "sendBeacon" | "fetch">> & Pick<TrackerOptions, "storage" | "sendBeacon" | "fetch">;
  private readonly key: string;

  constructor(opts: TrackerOptions = {}) {
    this.o = {
      endpoint: opts.endpoint ?? TELEMETRY_ENDPOINT,
      batchSize: opts.batchSize ?? 50,
      flushDelayMs: opts.flushDelayMs ?? 2000,
      baseBackoffMs: opts.baseBackoffMs ?? 1000,
      maxBackoffMs: opts.maxBackoffMs ?? 60_000,
      maxQueue: opts.maxQueue ?? 5000,
      fetch: opts.fetch,
      sendBeacon: opts.sendBeacon,
      storage: opts.storage,
      tabId: opts.tabId ?? "default",
      now: opts.now ?? (() => Date.now()),
      uuid: opts.uuid ?? (() => crypto.randomUUID()),
      random: opts.random ?? Math.random,
      setTimeout: opts.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms)),
      clearTimeout: opts.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>)),
    };
    this.key = `${QUEUE_PREFIX}${this.o.tabId}`;
    // Events a previous page of this tab queued (or only beaconed) are sent again, with those of
    // tabs that are gone: the server drops duplicates.
    this.queue = this.read(this.key);
    this.adoptOrphans();
    if (this.queue.length) this.schedule(this.o.flushDelayMs);
  }

  private read(key: string): QueuedEvent[] {
    const saved = this.o.storage?.getItem(key);
    if (!saved) return [];
    try {
      const parsed = JSON.parse(saved) as { events?: unknown } | unknown[];
      const events = Array.isArray(parsed) ? parsed : parsed?.events;
      return Array.isArray(events) ? (events as QueuedEvent[]).filter((e) => e && typeof e.event_id === "string") : [];
    } catch {
      return [];
    }
  }

  /** Moves the queues of quiet tabs (and the old shared key) into this tab's queue. */
  private adoptOrphans() {
    const st = this.o.storage;
    if (!st?.key || !st.removeItem || typeof st.length !== "number") return;
    const keys: string[] = [];
    for (let i = 0; i < st.length; i++) {
      const k = st.key(i);
      if (k && k !== this.key && (k === LEGACY_KEY || k.startsWith(QUEUE_PREFIX))) keys.push(k);
    }
    const have = new Set(this.queue.map((e) => e.event_id));
    let adopted = false;
    for (const k of keys) {
      if (k !== LEGACY_KEY) {
        let at = 0;
        try {
          at = Number((JSON.parse(st.getItem(k) ?? "{}") as { at?: number }).at ?? 0);
        } catch {
          at = 0;
        }
        if (this.o.now() - at < ORPHAN_AFTER_MS) continue;
      }
      for (const e of this.read(k)) if (!have.has(e.event_id)) (have.add(e.event_id), this.queue.push(e), (adopted = true));
      st.removeItem(k);
    }
    if (adopted) this.persist();
  }

  /** Queued events not yet confirmed by the server. */
  get pending(): readonly QueuedEvent[] {
    return this.queue;
  }

  track(type: EventType, ctx: TrackContext = {}): QueuedEvent {
    const e: QueuedEvent = {
      event_id: this.o.uuid(),
      type,
      occurred_at: new Date(this.o.now()).toISOString(),
      ...(ctx.mission ? { mission: ctx.mission } : {}),
      ...(ctx.progress ? { progress: ctx.progress } : {}),
      ...(ctx.stage ? { stage: ctx.stage } : {}),
      ...(ctx.recipe ? { recipe: ctx.recipe } : {}),
      payload: ctx.payload ?? {},
    };
    this.queue.push(e);
    if (this.queue.length > this.o.maxQueue) this.queue.splice(0, this.queue.length - this.o.maxQueue);
    this.persist();
    if (this.queue.length >= this.o.batchSize) void this.flush();
    else this.schedule(this.o.flushDelayMs);
    return e;
  }

  /** Sends queued events in batches until the queue is empty or a request fails (then backs off). */
  flush(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.timer !== null) {
      this.o.clearTimeout(this.timer);
      this.timer = null;
    }
    this.inflight = this.drain().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async drain(): Promise<void> {
    const fetchFn = this.o.fetch ?? (typeof fetch === "function" ? (fetch as unknown as NonNullable<TrackerOptions["fetch"]>) : undefined);
    if (!fetchFn) return;
    while (this.queue.length) {
      const batch = this.queue.slice(0, this.o.batchSize);
      let status = 0;
      try {
        const res = await fetchFn(this.o.endpoint, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ events: batch }),
          keepalive: true,
          credentials: "same-origin",
        });
        status = res.status;
      } catch {
        status = 0; // network error
      }
      if ((status >= 200 && status < 300) || PERMANENT.has(status)) {
        if (!(status >= 200 && status < 300)) console.warn(`[telemetry] dropped ${batch.length} events refused with ${status}`);
        const sent = new Set(batch.map((e) => e.event_id));
        this.queue = this.queue.filter((e) => !sent.has(e.event_id));
        this.failures = 0;
        this.persist();
        continue;
      }
      // Network error, 401 (session refresh), 429, 5xx: keep everything and retry later.
      this.schedule(backoffDelay(this.failures, this.o.baseBackoffMs, this.o.maxBackoffMs, this.o.random));
      this.failures += 1;
      return;
    }
  }

  /**
   * Page is going away: hand everything to navigator.sendBeacon (it outlives the page). The events
   * stay queued in storage until a 2xx confirms them, so the next page re-sends any the beacon lost.
   */
  beacon(): boolean {
    if (!this.queue.length || !this.o.sendBeacon) return false;
    let ok = true;
    // Browsers cap a beacon near 64 KB: send in chunks well under it.
    let chunk: QueuedEvent[] = [];
    let size = 0;
    const send = () => {
      if (chunk.length) ok = this.o.sendBeacon!(this.o.endpoint, JSON.stringify({ events: chunk })) && ok;
      chunk = [];
      size = 0;
    };
    for (const e of this.queue) {
      const s = JSON.stringify(e).length + 1;
      if (chunk.length && (size + s > 48_000 || chunk.length >= 200)) send();
      chunk.push(e);
      size += s;
    }
    send();
    this.persist();
    return ok;
  }

  private schedule(ms: number) {
    if (this.timer !== null) return;
    this.timer = this.o.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private persist() {
    try {
      if (!this.queue.length && this.o.storage?.removeItem) this.o.storage.removeItem(this.key);
      else this.o.storage?.setItem(this.key, JSON.stringify({ at: this.o.now(), events: this.queue }));
    } catch {
      // Storage full or disabled: the in-memory queue still works for this page.
    }
  }
}

/**
 * Counts only the time a page is visible (Page Visibility API): call visible()/hidden() as the
 * document changes; elapsed() is the visible milliseconds so far.
 */
export class VisibleClock {
  private since: number | null = null;
  private total = 0;
  constructor(private now: () => number = () => Date.now()) {}
  visible() {
    if (this.since === null) this.since = this.now();
  }
  hidden() {
    if (this.since !== null) {
      this.total += Math.max(0, this.now() - this.since);
      this.since = null;
    }
  }
  get running() {
    return this.since !== null;
  }
  elapsed(): number {
    return this.total + (this.since !== null ? Math.max(0, this.now() - this.since) : 0);
  }
  /** Visible ms since the last reset, and start counting again from zero. */
  reset(): number {
    const e = this.elapsed();
    this.total = 0;
    if (this.since !== null) this.since = this.now();
    return e;
  }
}

let browserTracker: Tracker | null = null;

/** The page's one tracker, wired to fetch, sendBeacon, localStorage and page-hide events. */
export function getTracker(): Tracker | null {
  if (typeof window === "undefined") return null;
  if (browserTracker) return browserTracker;
  let storage: StorageLike | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  let tabId = "default";
  try {
    tabId = window.sessionStorage.getItem("sortie.telemetry.tab") ?? crypto.randomUUID();
    window.sessionStorage.setItem("sortie.telemetry.tab", tabId);
  } catch {
    // No sessionStorage: one shared queue, as before.
  }
  const t = new Tracker({
    tabId,
    fetch: (url, init) => window.fetch(url, init),
    sendBeacon: typeof navigator !== "undefined" && navigator.sendBeacon ? (url, body) => navigator.sendBeacon(url, body) : undefined,
    storage,
  });
  const onHide = () => {
    if (document.visibilityState === "hidden") t.beacon();
  };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", () => t.beacon());
  browserTracker = t;
  return t;
}

/** Records a browser-side event (no-op on the server). */
export function track(type: EventType, ctx: TrackContext = {}) {
  return getTracker()?.track(type, ctx) ?? null;
}
