import { z } from "zod";

// Every date the API or a form accepts, in one place with one range. ISO syntax alone allows
// years 0000 and 9999: Postgres has no year 0, and a range ending 9999-12-31 asks for the day
// after, year 10000, which neither JavaScript's ISO strings nor Postgres parse back (a 500).
export const MIN_DAY = "1900-01-01";
export const MAX_DAY = "2999-12-31";
const RANGE = `must be between ${MIN_DAY} and ${MAX_DAY}`;

const MIN_MS = Date.parse(`${MIN_DAY}T00:00:00Z`);
const END_MS = Date.parse(`${MAX_DAY}T23:59:59.999Z`) + 1;

const inRange = (v: string) => {
  const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isFinite(t) && t >= MIN_MS && t < END_MS;
};

/** YYYY-MM-DD within the supported range. */
export const isoDay = (message = "must be a date (YYYY-MM-DD)") => z.iso.date(message).refine(inRange, RANGE);

/** An ISO date-time with an offset, within the supported range. */
export const isoDateTime = (message?: string) => z.iso.datetime({ offset: true, ...(message ? { message } : {}) }).refine(inRange, RANGE);

/** Either of the two. */
export const isoDayOrDateTime = (message = "must be a date (YYYY-MM-DD) or an ISO date-time") =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: message }).refine(inRange, RANGE);
