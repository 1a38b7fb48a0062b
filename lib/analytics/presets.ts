/**
 * The date ranges the dashboards offer as one-click filters ("Last 30 days"). They are whole UTC days
 * ending today, so each is a range scope the rollup keeps (see rangeScope in filters.ts), and the
 * refresh-analytics job prepares them for everyone's view before anyone asks.
 */
export const DATE_PRESET_DAYS = [7, 30, 90] as const;

const DAY = 86_400_000;

/** The `from` date (YYYY-MM-DD, UTC) of "the last `days` days", today included. */
export function presetFrom(days: number, now: Date = new Date()): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY).toISOString().slice(0, 10);
}

/** Which preset a from/to filter is, if any (an open end and a `from` matching one of them). */
export function activePreset(values: { from?: string; to?: string }, now: Date = new Date()): number | null {
  if (!values.from || values.to) return null;
  return DATE_PRESET_DAYS.find((d) => presetFrom(d, now) === values.from) ?? null;
}
