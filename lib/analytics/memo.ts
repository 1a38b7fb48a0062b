import "server-only";

/**
 * Answers computed from the aggregates, kept by this process for as long as the aggregates' version
 * (aggregatesState in aggregates.ts) is the one they were computed at. The version moves on in the
 * same transaction as any change to the aggregates, so a kept answer is the answer the queries would
 * give over the same aggregates: exact, not a time-to-live cache. Several app instances each keep
 * their own; the version they check against is in Postgres.
 *
 * Only what the aggregates determine is kept. Figures that depend on the clock (abandoned attempts)
 * or on rows the aggregates do not follow are computed on every request by the callers.
 */
const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  value: Promise<unknown>;
  /** The value once computed (an answer that may be served while a newer one is computed), when, and how long it took. */
  done?: { value: unknown; at: number; tookMs: number };
  /** The computation for a newer version, while this entry is still served. */
  next?: { version: string; value: Promise<unknown> };
}

const entries = new Map<string, Entry>();

/** The memo key of a rolled-up answer: what it is (`name`) and everything of the scope it depends on. */
export function rolledKey(name: string, scope: string, s: { track?: string; tier?: string; missionId?: string }): string {
  return [name, scope, s.track ?? "", s.tier ?? "", s.missionId ?? ""].join("|");
}

/**
 * A computation that took at least this long is not started again, for a newer version, until as long
 * again has passed since it ended (at most MAX_REST_MS): under steady writes the version moves every
 * second, and the admin's whole view at 10M events takes a second or more to compute, so back-to-back
 * recomputations of each such answer kept a core busy and slowed the consumer the freshness depends on.
 * Cheap answers (a mission's, a cohort's) are computed again at once.
 */
const REST_AFTER_MS = 250;
const MAX_REST_MS = 3000;

function keep(key: string, version: string, value: Promise<unknown>, started = performance.now()): Entry {
  const entry: Entry = { version, value };
  value.then(
    (v) => (entry.done = { value: v, at: performance.now(), tookMs: performance.now() - started }),
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return entry;
}

/**
 * The value of `compute()` for `key` at `version`: computed once per version (concurrent callers
 * share the one computation), the least recently used keys dropped beyond MAX_ENTRIES. A failed
 * computation is not kept. Callers must not mutate what they get: it is shared.
 *
 * With `staleAfterMs`, when an answer of an older version is kept, the read that starts the newer
 * version's computation waits at most that long for it, and reads arriving while it runs do not wait:
 * they get the older answer (which must say how fresh it is, see keepRolled); the newer one replaces it
 * once computed (one computation at a time per key).
 */
export function memoised<T>(key: string, version: string, compute: () => Promise<T>, { staleAfterMs }: { staleAfterMs?: number } = {}): Promise<T> {
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
  }
  if (hit && hit.version === version) return hit.value as Promise<T>;
  if (hit?.done && staleAfterMs !== undefined) {
    // The reader that starts the newer computation waits up to the budget; readers arriving while it
    // runs (under steady writes: most of them) get the kept answer at once, and do not start another
    // one for a still newer version until it is done (one computation at a time per key).
    let wait = 0;
    // A read that may wait for the newer answer (a budget of REST_AFTER_MS or more: tests) starts it at once.
    const resting =
      staleAfterMs < REST_AFTER_MS && hit.done.tookMs >= REST_AFTER_MS && performance.now() - hit.done.at < Math.min(hit.done.tookMs, MAX_REST_MS);
    if (!hit.next && !resting) {
      wait = staleAfterMs;
      const started = performance.now();
      const value = compute();
      const next = { version, value };
      hit.next = next;
      value.then(
        () => {
          const now = entries.get(key);
          if (hit.next === next) hit.next = undefined;
          if (now === hit || now === undefined) keep(key, version, value, started);
        },
        () => {
          if (hit.next === next) hit.next = undefined;
        },
      );
    }
    const stale = hit.done.value as T;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(stale), wait)));
    const running = (hit.next?.value ?? late) as Promise<T>;
    // A computation for another (older) version than asked for is not this reader's answer.
    const mine = hit.next?.version === version ? running.catch(() => stale) : late;
    return Promise.race([mine, late]).finally(() => clearTimeout(timer));
  }
  return keep(key, version, compute()).value as Promise<T>;
}
