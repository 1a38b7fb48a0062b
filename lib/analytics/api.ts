import "server-only";
import { env } from "@/lib/env";
import { readDb } from "@/lib/db";
import type { Caller } from "@/lib/auth/session";
import type { AnalyticsFilter } from "@/lib/api/contracts/analytics";
import { resolveScope } from "./filters";

/** Filters + scope for a dashboard request (pages and route handlers share it), read from the read pool. */
export function scopeFor(caller: Caller, filter: AnalyticsFilter) {
  return resolveScope({ caller, filter, abandonDays: env().SORTIE_ABANDON_DAYS, tx: readDb() });
}
