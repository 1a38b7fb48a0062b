import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows, sqlUuidArray } from "@/lib/db/sql";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { mentorLearnerCondition } from "@/lib/db/queries/access";
import { startOf, type AnalyticsFilter } from "@/lib/api/contracts/analytics";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Filters resolved to ids and bounds, plus who is asking. */
export interface Scope {
  caller: Caller;
  track?: string;
  tier?: string;
  missionId?: string;
  cohortId?: string;
  from?: Date;
  /** Exclusive upper bound (a `to` date includes that whole day). */
  to?: Date;
  abandonDays: number;
  /** The missions a track/tier filter selects, resolved up front so the planner sees real ids. */
  missionIds?: string[];
  /**
   * The learners a live source counts, listed by withSource (source.ts) when there are at most
   * LIVE_LEARNER_LIMIT of them (a subquery there misleads the planner into scanning every attempt);
   * undefined means "the cohort condition, or learnerScope, in SQL".
   */
  learnerIds?: string[];
  /**
   * The date range holds every attempt of the missions in scope, and new ones too (it starts no later
   * than the first and does not end before now): the answer is the undated one, so the rollup serves it.
   */
  datesCoverAll?: boolean;
}

/**
 * Resolves mission (id or code) and cohort (id or slug). A cohort the caller may not see is
 * "not found" (404), never a hint that it exists.
 */
export async function resolveScope({ caller, filter, abandonDays, tx = db }: { caller: Caller; filter: AnalyticsFilter; abandonDays: number; tx?: Tx }): Promise<Scope> {
  const scope: Scope = { caller, track: filter.track, tier: filter.tier, abandonDays };
  if (filter.mission) {
    const byId = UUID.test(filter.mission);
    const [m] = await rows<{ id: string }>(tx, byId ? sql`select id::text as id from missions where id = ${filter.mission}` : sql`select id::text as id from missions where code = ${filter.mission.toUpperCase()}`);
    if (!m) throw errors.notFound("Mission");
    scope.missionId = m.id;
  }
  if (filter.cohort) {
    const byId = UUID.test(filter.cohort);
    const [c] = await rows<{ id: string; organisation_id: string }>(
      tx,
      sql`select id::text as id, organisation_id::text as organisation_id from cohorts where ${byId ? sql`id = ${filter.cohort}` : sql`slug = ${filter.cohort}`}`,
    );
    if (!c || !(await cohortVisible({ caller, cohortId: c.id, organisationId: c.organisation_id, tx }))) throw errors.notFound("Cohort");
    scope.cohortId = c.id;
  }
  if (filter.from) scope.from = new Date(startOf(filter.from));
  if (filter.to) scope.to = filter.to.length === 10 ? new Date(startOf(filter.to) + 86_400_000) : new Date(filter.to);
  if (scope.from || scope.to) {
    const missions = scope.missionId ? sql`mission_id = ${scope.missionId}` : sql`true`;
    const [span] = await rows<{ first: string | Date | null }>(tx, sql`select min(started_at) as first from mission_progress where ${missions}`);
    const first = span?.first ? new Date(span.first) : null;
    scope.datesCoverAll = (!scope.from || (first !== null && scope.from <= first)) && (!scope.to || scope.to > new Date());
  }
  if (!scope.missionId && (scope.track || scope.tier)) {
    const parts = [scope.track ? sql`track = ${scope.track}` : sql`true`, scope.tier ? sql`tier = ${scope.tier}` : sql`true`];
    scope.missionIds = (await rows<{ id: string }>(tx, sql`select id::text as id from missions where ${sql.join(parts, sql` and `)}`)).map((x) => x.id);
  }
  return scope;
}

export async function cohortVisible({ caller, cohortId, organisationId, tx = db }: { caller: Caller; cohortId: string; organisationId: string; tx?: Tx }) {
  switch (caller.role) {
    case "admin":
      return true;
    case "enterprise":
      return !!caller.organisationId && caller.organisationId === organisationId;
    case "mentor": {
      const r = await rows<{ ok: number }>(tx, sql`select 1 as ok from mentor_assignments where mentor_id = ${caller.id} and cohort_id = ${cohortId} limit 1`);
      return r.length > 0;
    }
    default:
      return false;
  }
}

/** The aggregates that answer a dashboard request: a scope's rows, over whole UTC days [fromDay, toDay) when dated. */
export interface RolledScope {
  scope: string;
  fromDay?: string;
  toDay?: string;
}

/**
 * The aggregates' scope (analytics_daily) that answers a dashboard request exactly, or null when it
 * must be summed from the facts of the attempts it counts (live). The base scope: admins see ""
 * (everyone); a cohort filter, which resolveScope has already checked the caller may see, is that
 * cohort (for a mentor, a visible cohort is one they mentor, so all its learners are theirs); an
 * enterprise viewer without one sees their organisation. A mentor's own learners run live. A date
 * range that holds every attempt is the base scope itself; a range aligned on whole UTC days is the
 * sum of its daily buckets; any other range runs live.
 */
export function rollupScope(s: Scope): RolledScope | null {
  const base = baseScope(s);
  if (base === null || !(s.from || s.to) || s.datesCoverAll) return base === null ? null : { scope: base };
  if (!dayAligned(s.from) || !dayAligned(s.to)) return null;
  return { scope: base, fromDay: s.from?.toISOString().slice(0, 10), toDay: s.to?.toISOString().slice(0, 10) };
}

/** Whether the aggregates serve the scope (see rollupScope). */
export function usesRollup(s: Scope): boolean {
  return rollupScope(s) !== null;
}

/** The scope a request is about before any date range (see rollupScope). */
export function baseScope(s: Scope): string | null {
  if (s.cohortId) return `cohort:${s.cohortId}`;
  if (s.caller.role === "admin") return "";
  if (s.caller.role === "enterprise" && s.caller.organisationId) return `org:${s.caller.organisationId}`;
  return null;
}

const dayAligned = (d?: Date) => !d || d.getTime() % 86_400_000 === 0;

/** "this learner column is visible to the caller" (SPEC §1 scoping), as SQL. */
export function learnerScope(caller: Caller, learnerColumn: SQL): SQL {
  switch (caller.role) {
    case "admin":
      return sql`true`;
    case "mentor":
      return mentorLearnerCondition(caller.id, learnerColumn);
    case "enterprise":
      if (!caller.organisationId) return sql`false`;
      return sql`${learnerColumn} in (select cm.user_id from cohort_members cm join cohorts c on c.id = cm.cohort_id where c.organisation_id = ${caller.organisationId})`;
    default:
      return sql`${learnerColumn} = ${caller.id}`;
  }
}

/**
 * WHERE clause over `mission_progress p join missions m`: the caller's scope and every filter.
 * The date range applies to when attempts started. A cohort filter is the cohort's members alone:
 * resolveScope let the caller name it only if they may see all of them, and so a rolled-up answer
 * computed with it is the same whoever asks (kept.ts shares it between callers).
 */
export function progressWhere(s: Scope): SQL {
  const learners = s.learnerIds
    ? sql`p.user_id = any(${sqlUuidArray(s.learnerIds)})`
    : s.cohortId
      ? sql`p.user_id in (select user_id from cohort_members where cohort_id = ${s.cohortId})`
      : learnerScope(s.caller, sql`p.user_id`);
  return sql`${learners} and ${attemptWhere(s)}`;
}

/** progressWhere without the learners: the missions and the date range (for a caller that scopes learners itself). */
export function attemptWhere(s: Scope): SQL {
  const parts: SQL[] = [sql`true`];
  if (s.missionIds) parts.push(sql`p.mission_id = any(${sqlUuidArray(s.missionIds)})`);
  else {
    if (s.track) parts.push(sql`m.track = ${s.track}`);
    if (s.tier) parts.push(sql`m.tier = ${s.tier}`);
  }
  if (s.missionId) parts.push(sql`p.mission_id = ${s.missionId}`);
  if (s.from) parts.push(sql`p.started_at >= ${s.from.toISOString()}`);
  if (s.to) parts.push(sql`p.started_at < ${s.to.toISOString()}`);
  return sql.join(parts, sql` and `);
}

/**
 * FROM clause for progressWhere: the missions join only when a track or tier filter needs it (the
 * idle-attempt count reads nothing else, index-only, and runs on every dashboard answer).
 */
export function progressFrom(s: Scope): SQL {
  return !s.missionIds && (s.track || s.tier) ? sql`from mission_progress p join missions m on m.id = p.mission_id` : sql`from mission_progress p`;
}

/** The filters echoed back in API answers (what the figures are about). */
export function scopeJson(s: Scope) {
  return {
    track: s.track ?? null,
    tier: s.tier ?? null,
    mission: s.missionId ?? null,
    cohort: s.cohortId ?? null,
    from: s.from?.toISOString() ?? null,
    to: s.to?.toISOString() ?? null,
    scope: s.caller.role === "admin" ? "all" : s.caller.role === "mentor" ? "mentor_learners" : s.caller.role === "enterprise" ? "organisation_cohorts" : "self",
  };
}
