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
}

const entries = new Map<string, Entry>();

/** The memo key of a rolled-up answer: what it is (`name`) and everything of the scope it depends on. */
export function rolledKey(name: string, scope: string, s: { track?: string; tier?: string; missionId?: string }): string {
  return [name, scope, s.track ?? "", s.tier ?? "", s.missionId ?? ""].join("|");
}

/**
 * The value of `compute()` for `key` at `version`: computed once per version (concurrent callers
 * share the one computation), the least recently used keys dropped beyond MAX_ENTRIES. A failed
 * computation is not kept. Callers must not mutate what they get: it is shared.
 */
export function memoised<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  entries.delete(key);
  if (hit && hit.version === version) {
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { version, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
