import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/auth/session";
import { analyticsFilterSchema, resolveScope, type AnalyticsFilter } from "./filters";

/** Filters + scope for a dashboard request (pages and route handlers share it). */
export function scopeFor(caller: Caller, filter: AnalyticsFilter) {
  return resolveScope({ caller, filter, abandonDays: env().SORTIE_ABANDON_DAYS });
}

export const benchmarksQuerySchema = z.object({
  mission: z.string().trim().min(1, "required").max(80),
  learner: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("must be a user id").optional()),
});

export const xapiQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  type: z.string().max(40).optional(),
});

export const cohortDashboardQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

export { analyticsFilterSchema };
