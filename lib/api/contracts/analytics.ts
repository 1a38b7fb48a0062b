import { z } from "zod";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { defineContract } from "../contract";
import { isoDayOrDateTime } from "@/lib/api/dates";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = isoDayOrDateTime();

/** The instant a `from`/`to` filter value starts (a bare date is midnight UTC). */
export function startOf(v: string): number {
  return Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
}

/** Dashboard filters, as URL query parameters (the pages keep them in the URL too). */
export const analyticsFilterSchema = z
  .object({
    track: z.preprocess(blank, z.enum(TRACKS).optional()),
    tier: z.preprocess(blank, z.enum(TIERS).optional()),
    mission: z.preprocess(blank, z.string().max(80).optional()),
    cohort: z.preprocess(blank, z.string().max(80).optional()),
    from: z.preprocess(blank, day.optional()),
    to: z.preprocess(blank, day.optional()),
  })
  .refine((f) => !f.from || !f.to || startOf(f.from) <= startOf(f.to), { message: "must not be after `to`", path: ["from"] });
export type AnalyticsFilterInput = z.input<typeof analyticsFilterSchema>;
export type AnalyticsFilter = z.output<typeof analyticsFilterSchema>;

export const benchmarksQuerySchema = z.object({
  mission: z.string().trim().min(1, "required").max(80),
  learner: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("must be a user id").optional()),
});

export const cohortDashboardQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

const rate = z.number().min(0).max(1);
const nullableNum = z.number().nullable();
/**
 * Medians and percentiles of the performance dashboard are read from value histograms kept to 3
 * significant digits (lib/analytics/items.ts, histogramValue).
 */
const PRECISION = "computed from values rounded to 3 significant digits (within 0.5% of the exact figure; whole milliseconds below 1,000 exact)";
export const filtersEcho = z.object({
  track: z.string().nullable(),
  tier: z.string().nullable(),
  mission: z.uuid().nullable(),
  cohort: z.uuid().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  scope: z.enum(["all", "mentor_learners", "organisation_cohorts", "self"]),
});

/** Up to when writes are counted in the figures (the aggregates' freshness, see lib/analytics/aggregates.ts). */
const asOf = z.string().describe("ISO time: the figures include every write up to this time");

const performanceSchema = z.object({
  filters: filtersEcho,
  as_of: asOf,
  kpis: z.object({
    attempts: z.number().int(),
    starts: z.number().int().describe("first attempts (a learner starting a mission)"),
    learners: z.number().int(),
    submissions: z.number().int(),
    reviewed: z.number().int(),
    passed: z.number().int(),
    abandoned: z.number().int().describe("open attempts idle for SORTIE_ABANDON_DAYS days"),
    expired: z.number().int(),
    completion_rate: rate.describe("submissions / attempts"),
    pass_rate: rate.describe("passed / reviewed"),
    mean_score: nullableNum.describe("exact"),
    median_score: nullableNum.describe(PRECISION),
    median_time_ms: nullableNum.describe(`started → submitted; ${PRECISION}`),
    p90_time_ms: nullableNum.describe(PRECISION),
  }),
  funnel: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), overall: rate, step: rate, dropped: z.number().int() })),
  biggest_drop: z.string().nullable(),
  drop_off: z.array(z.object({ mission: z.string(), stage: z.string().nullable(), stage_title: z.string().nullable(), abandoned: z.number().int(), share: rate })),
  score_distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  time_per_stage: z.array(z.object({ mission_id: z.uuid(), mission: z.string(), stage: z.string(), stage_title: z.string(), attempts: z.number().int(), mean_ms: nullableNum.describe("exact"), median_ms: nullableNum.describe(PRECISION), total_ms: nullableNum.describe("exact") })),
  decisions: z.object({
    points: z.array(
      z.object({
        mission: z.string(),
        mission_id: z.uuid(),
        decision: z.string(),
        prompt: z.string(),
        total: z.number().int(),
        choices: z.array(z.object({ choice: z.string(), label: z.string(), ideal: z.boolean(), score_delta: z.number(), count: z.number().int(), share: rate, mean_score: nullableNum })),
      }),
    ),
    deviation: z.array(z.object({ deviations: z.number().int(), attempts: z.number().int(), mean_score: nullableNum })),
    expert_path: z.array(z.string()).nullable(),
    paths: z.array(z.object({ path: z.array(z.string()), count: z.number().int(), share: rate, mean_score: nullableNum, deviations: z.number().int(), expert: z.boolean() })),
  }),
  hints: z.object({
    attempts_with_hints: z.number().int(),
    share_with_hints: rate,
    hints_unlocked: z.number().int(),
    mean_penalty_when_used: nullableNum,
    by_stage: z.array(z.object({ mission: z.string(), stage: z.string(), stage_title: z.string(), unlocks: z.number().int(), attempts: z.number().int(), max_level: z.number().int() })),
  }),
  tools: z.array(z.object({ tool: z.string(), uses: z.number().int(), attempts: z.number().int(), mean_score: nullableNum })),
});

const heatmapSchema = z.object({
  filters: filtersEcho,
  as_of: asOf,
  track_tier: z.array(z.object({ track: z.string(), tier: z.string(), attempts: z.number().int(), submitted: z.number().int(), completion_rate: rate.nullable(), pass_rate: rate.nullable() })),
  mission_stage: z.array(
    z.object({
      mission_id: z.uuid(),
      mission: z.string(),
      title: z.string(),
      attempts: z.number().int(),
      stages: z.array(z.object({ stage: z.string(), title: z.string(), position: z.number().int(), completed: z.number().int(), completion_rate: rate })),
    }),
  ),
});

const comparison = z.object({
  attempts: z.number().int(),
  timed_attempts: z.number().int(),
  score_percentile: z.number().nullable().describe("0–100, ties count half"),
  time_percentile: z.number().nullable().describe("0–100: share of attempts slower than this one"),
  median_score: nullableNum,
  median_time_ms: nullableNum,
});
const benchmarksSchema = z.object({
  mission: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  attempt: z.object({ progress_id: z.uuid(), attempt: z.number().int(), state: z.string(), score: nullableNum, time_ms: nullableNum }).nullable(),
  all: comparison,
  cohort: comparison.extend({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
});

const cohortAssignment = z.object({
  id: z.uuid(),
  mission: z.string(),
  mission_title: z.string(),
  learner: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  due_at: z.string().nullable(),
  targets: z.number().int(),
  done: z.number().int(),
  overdue: z.boolean(),
});

const cohortDashboardSchema = z.object({
  cohort: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), organisation: z.string(), starts_on: z.string().nullable() }),
  as_of: asOf,
  members: z.number().int(),
  active_learners: z.number().int().describe("activity in the last 14 days"),
  missions_completed_by_tier: z.record(z.string(), z.number().int()),
  attempts: z.number().int(),
  completion_rate: rate,
  pass_rate: rate,
  mean_score: nullableNum,
  skill_mastery: z.array(z.object({ skill: z.string(), mastery: rate, scores: z.number().int(), learners: z.number().int() })),
  learners_at_risk: z.array(z.object({ id: z.uuid(), name: z.string(), last_activity_at: z.string().nullable(), reasons: z.array(z.enum(["inactive_14_days", "missed_deadline"])) })),
  assignments: z.array(cohortAssignment),
  overdue_assignments: z.array(cohortAssignment),
  learners: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), joined_at: z.string(), attempts: z.number().int(), submitted: z.number().int(), approved: z.number().int(), mean_score: nullableNum, last_activity_at: z.string().nullable().describe("The later of the last attempt activity and the last telemetry event (the event kept per learner, up to a minute behind)"), overdue_assignments: z.number().int(), at_risk: z.boolean(), risk_reasons: z.array(z.string()) })),
});

export const FILTER_DOC = "Filters: `track`, `tier`, `mission` (id or code), `cohort` (id or slug), `from`/`to` (dates, inclusive; on when attempts started). Admins see everything, mentors their learners, enterprise viewers their organisation's cohorts; a cohort the caller may not see is 404. Figures come from incremental aggregates that a background consumer keeps up to date within seconds of each write; a read never waits for them, and `as_of` says up to when writes are counted. A date range of whole UTC days is answered from daily buckets; date-times that are not midnight UTC sum the figures of each attempt in range. Medians and p90 are exact (value histograms, no rounding).";

const T = "Analytics";

export const performance = defineContract({
  method: "get",
  path: "/missions/analytics/performance",
  tag: T,
  summary: "Mission Performance Dashboard",
  description: FILTER_DOC,
  permission: "analytics:read",
  query: analyticsFilterSchema,
  response: performanceSchema,
  errors: [400, 404],
});

export const heatmap = defineContract({
  method: "get",
  path: "/missions/analytics/heatmap",
  tag: T,
  summary: "Completion heatmaps: track × tier and mission × stage",
  description: FILTER_DOC,
  permission: "analytics:read",
  query: analyticsFilterSchema,
  response: heatmapSchema,
  errors: [400, 404],
});

export const benchmarks = defineContract({
  method: "get",
  path: "/missions/analytics/benchmarks",
  tag: T,
  summary: "A learner's score and time on a mission as percentiles of everyone's and of their cohort's",
  description: "`learner` defaults to the caller (learners may only read their own). Others see learners they may see; anyone else is 404.",
  permission: "profile:read",
  query: benchmarksQuerySchema,
  response: benchmarksSchema,
  errors: [400, 404],
});

export const cohortDashboard = defineContract({
  method: "get",
  path: "/enterprise/cohorts/{cohort}/dashboard",
  tag: T,
  summary: "Enterprise Cohort Dashboard (`?format=csv` for a CSV of members)",
  description: "`cohort` is an id or slug. Another organisation's cohort is 404.",
  permission: "enterprise:dashboard",
  params: z.object({ cohort: z.string().min(1).max(80) }),
  query: cohortDashboardQuerySchema,
  response: cohortDashboardSchema,
  errors: [404],
});
