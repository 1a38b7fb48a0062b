import "server-only";
import { sql } from "drizzle-orm";
import { readDb, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { TIERS } from "@/lib/db/schema/enums";
import { rate } from "./math";
import { cohortVisible } from "./filters";
import { keepForScope, keptFigure } from "./kept";
import { aggregatesState } from "./aggregates";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AT_RISK_DAYS = 14;

/** Cohorts the caller may open: admins all, enterprise viewers their organisation's, mentors the ones they mentor. */
export async function listCohorts({ caller, tx = readDb() }: { caller: Caller; tx?: Tx }) {
  const where =
    caller.role === "admin"
      ? sql`true`
      : caller.role === "enterprise"
        ? caller.organisationId
          ? sql`c.organisation_id = ${caller.organisationId}`
          : sql`false`
        : caller.role === "mentor"
          ? sql`c.id in (select cohort_id from mentor_assignments where mentor_id = ${caller.id} and cohort_id is not null)`
          : sql`false`;
  const r = await rows<{ id: string; slug: string; name: string; organisation: string; starts_on: string | Date | null; members: number; active: number; attempts: number; submitted: number }>(
    tx,
    sql`select c.id::text as id, c.slug, c.name, o.name as organisation, c.starts_on,
          (select count(*) from cohort_members cm where cm.cohort_id = c.id)::int as members,
          (select count(distinct p.user_id) from mission_progress p join cohort_members cm on cm.user_id = p.user_id
             where cm.cohort_id = c.id and p.last_activity_at >= now() - make_interval(days => ${AT_RISK_DAYS}))::int as active,
          (select count(*) from mission_progress p join cohort_members cm on cm.user_id = p.user_id where cm.cohort_id = c.id)::int as attempts,
          (select count(*) from mission_progress p join cohort_members cm on cm.user_id = p.user_id where cm.cohort_id = c.id and p.submitted_at is not null)::int as submitted
        from cohorts c join organisations o on o.id = c.organisation_id
        where ${where} order by o.name, c.name`,
  );
  return r.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    organisation: c.organisation,
    starts_on: c.starts_on ? new Date(c.starts_on).toISOString() : null,
    members: Number(c.members),
    active_learners: Number(c.active),
    completion_rate: rate(Number(c.submitted), Number(c.attempts)),
  }));
}

/** The cohort by id or slug if the caller may see it; otherwise 404 (another organisation's cohort does not exist for them). */
export async function findVisibleCohort({ caller, cohort, tx = readDb() }: { caller: Caller; cohort: string; tx?: Tx }) {
  const [c] = await rows<{ id: string; slug: string; name: string; organisation_id: string; organisation: string; starts_on: string | Date | null }>(
    tx,
    sql`select c.id::text as id, c.slug, c.name, c.organisation_id::text as organisation_id, o.name as organisation, c.starts_on
        from cohorts c join organisations o on o.id = c.organisation_id
        where ${UUID.test(cohort) ? sql`c.id = ${cohort}` : sql`c.slug = ${cohort}`}`,
  );
  if (!c || !(await cohortVisible({ caller, cohortId: c.id, organisationId: c.organisation_id, tx }))) throw errors.notFound("Cohort");
  return c;
}

/**
 * Enterprise Cohort Dashboard: members, active learners, missions completed by tier, completion
 * rate, mean score, skill mastery (rubric scores), learners at risk and overdue assignments.
 */
export async function cohortDashboard({ caller, cohort, now = new Date(), tx = readDb() }: { caller: Caller; cohort: string; now?: Date; tx?: Tx }) {
  const c = await findVisibleCohort({ caller, cohort, tx });
  return cohortFigures(c, now, tx);
}

async function cohortFigures(c: Awaited<ReturnType<typeof findVisibleCohort>>, now: Date, tx: Tx) {
  const nowIso = now.toISOString();
  // The three reads go out together; the aggregates' state (for "as of") is read on the way to the kept figures.
  const [members, assignments, { value: { byTier, totals, skills }, asOf }] = await Promise.all([
    // The latest event is kept per user (user_last_events, up to a minute behind): a max over every
    // telemetry partition per member cost 8–15 ms to plan and as much to run for 100 members at 1M.
    rows<{ id: string; name: string; email: string; joined_at: string | Date; attempts: number; submitted: number; approved: number; mean_score: number | null; last_activity: string | Date | null; missed_deadlines: number; overdue: number }>(
      tx,
      sql`select u.id::text as id, u.name, u.email, cm.joined_at,
            count(p.id)::int as attempts,
            count(p.id) filter (where p.submitted_at is not null)::int as submitted,
            count(p.id) filter (where p.state = 'approved')::int as approved,
            avg(p.score) as mean_score,
            greatest(max(p.last_activity_at), (select l.last_event_at from user_last_events l where l.user_id = u.id)) as last_activity,
            count(p.id) filter (where p.state = 'expired' or (p.deadline_at < ${nowIso} and p.state in ('in_progress','changes_requested')))::int as missed_deadlines,
            (select count(*) from assignments a
               where (a.cohort_id = cm.cohort_id or a.learner_id = u.id) and a.due_at < ${nowIso}
                 and not exists (select 1 from mission_progress q where q.user_id = u.id and q.mission_id = a.mission_id and q.submitted_at is not null and q.submitted_at <= a.due_at))::int as overdue
          from cohort_members cm join users u on u.id = cm.user_id
          left join mission_progress p on p.user_id = u.id
          where cm.cohort_id = ${c.id}
          group by u.id, u.name, u.email, cm.joined_at, cm.cohort_id
          order by u.name`,
    ),
    rows<{ id: string; mission_code: string; mission_title: string; learner_id: string | null; learner_name: string | null; due_at: string | Date | null; targets: number; done: number }>(
      tx,
      sql`select a.id::text as id, m.code as mission_code, m.title as mission_title, a.learner_id::text as learner_id, u.name as learner_name, a.due_at,
            (case when a.cohort_id is not null then (select count(*) from cohort_members x where x.cohort_id = a.cohort_id) else 1 end)::int as targets,
            (select count(distinct q.user_id) from mission_progress q
               where q.mission_id = a.mission_id and q.submitted_at is not null and (a.due_at is null or q.submitted_at <= a.due_at)
                 and (case when a.cohort_id is not null then q.user_id in (select user_id from cohort_members x where x.cohort_id = a.cohort_id) else q.user_id = a.learner_id end))::int as done
          from assignments a join missions m on m.id = a.mission_id left join users u on u.id = a.learner_id
          where a.cohort_id = ${c.id} or a.learner_id in (select user_id from cohort_members where cohort_id = ${c.id})
          order by a.due_at nulls last, m.code`,
    ),
    // These change only with writes about this cohort's attempts (attempts, reviews, rubric scores,
    // membership; content re-applies its mission's attempts): kept while the cohort scope's version is
    // unchanged, so other cohorts' writes leave it kept. Members and assignments depend on the clock
    // and on every bit of activity, so they are read on every request.
    aggregatesState(tx).then((state) => keepForScope(cohortAttemptFigures, c.id, `cohort:${c.id}`, state.asOf, tx)),
  ]);

  const cutoff = now.getTime() - AT_RISK_DAYS * 86_400_000;
  const memberList = members.map((m) => {
    const last = m.last_activity ? new Date(m.last_activity) : null;
    const reasons: string[] = [];
    if (!last || last.getTime() < cutoff) reasons.push("inactive_14_days");
    if (Number(m.missed_deadlines) > 0 || Number(m.overdue) > 0) reasons.push("missed_deadline");
    return {
      id: m.id,
      name: m.name,
      email: m.email,
      joined_at: new Date(m.joined_at).toISOString(),
      attempts: Number(m.attempts),
      submitted: Number(m.submitted),
      approved: Number(m.approved),
      mean_score: m.mean_score === null ? null : Math.round(Number(m.mean_score) * 10) / 10,
      last_activity_at: last?.toISOString() ?? null,
      overdue_assignments: Number(m.overdue),
      at_risk: reasons.length > 0,
      risk_reasons: reasons,
    };
  });
  const t = totals[0];
  const overdue = assignments
    .map((a) => ({
      id: a.id,
      mission: a.mission_code,
      mission_title: a.mission_title,
      learner: a.learner_id ? { id: a.learner_id, name: a.learner_name } : null,
      due_at: a.due_at ? new Date(a.due_at).toISOString() : null,
      targets: Number(a.targets),
      done: Number(a.done),
      overdue: !!a.due_at && new Date(a.due_at).getTime() < now.getTime() && Number(a.done) < Number(a.targets),
    }));
  return {
    cohort: { id: c.id, slug: c.slug, name: c.name, organisation: c.organisation, starts_on: c.starts_on ? new Date(c.starts_on).toISOString() : null },
    as_of: asOf.toISOString(),
    members: memberList.length,
    active_learners: memberList.filter((m) => m.last_activity_at && new Date(m.last_activity_at).getTime() >= cutoff).length,
    missions_completed_by_tier: Object.fromEntries(TIERS.map((tier) => [tier, Number(byTier.find((b) => b.tier === tier)?.missions ?? 0)])) as Record<(typeof TIERS)[number], number>,
    attempts: Number(t.attempts),
    completion_rate: rate(Number(t.submitted), Number(t.attempts)),
    pass_rate: rate(Number(t.passed), Number(t.reviewed)),
    mean_score: t.mean_score === null ? null : Math.round(Number(t.mean_score) * 10) / 10,
    skill_mastery: skills.map((s) => ({ skill: s.skill, mastery: Math.round(Number(s.mastery) * 1000) / 1000, scores: Number(s.scores), learners: Number(s.learners) })),
    learners_at_risk: memberList.filter((m) => m.at_risk).map((m) => ({ id: m.id, name: m.name, last_activity_at: m.last_activity_at, reasons: m.risk_reasons })),
    assignments: overdue,
    overdue_assignments: overdue.filter((a) => a.overdue),
    learners: memberList,
  };
}
/** A cohort's figures over its attempts and their reviews: completions by tier, totals, skill mastery. */
const cohortAttemptFigures = keptFigure({
  name: "cohort",
  reads: ["mission_progress", "missions", "cohort_members", "reviews", "review_scores", "rubric_criteria", "mission_stages"],
  compute: attemptFigures,
});

async function attemptFigures(cohortId: string, tx: Tx) {
  const [byTier, totals, skills] = await Promise.all([
    rows<{ tier: string; missions: number; learners: number }>(
      tx,
      sql`select m.tier, count(distinct (p.user_id, p.mission_id))::int as missions, count(distinct p.user_id)::int as learners
          from mission_progress p join missions m on m.id = p.mission_id join cohort_members cm on cm.user_id = p.user_id
          where cm.cohort_id = ${cohortId} and p.state = 'approved' group by 1`,
    ),
    rows<{ attempts: number; submitted: number; mean_score: number | null; reviewed: number; passed: number }>(
      tx,
      sql`select count(*)::int as attempts, count(*) filter (where p.submitted_at is not null)::int as submitted, avg(p.score) as mean_score,
            count(*) filter (where p.passed is not null)::int as reviewed, count(*) filter (where p.passed)::int as passed
          from mission_progress p join cohort_members cm on cm.user_id = p.user_id where cm.cohort_id = ${cohortId}`,
    ),
    rows<{ skill: string; mastery: number; scores: number; learners: number }>(
      tx,
      // The latest review of each attempt, carrying the attempt's learner and mission along, so the
      // outer query never goes back to mission_progress (it would scan it whole).
      sql`with latest as (
            select distinct on (r.progress_id) r.id, p.user_id, p.mission_id
            from cohort_members cm join mission_progress p on p.user_id = cm.user_id join reviews r on r.progress_id = p.id
            where cm.cohort_id = ${cohortId} order by r.progress_id, r.created_at desc)
          select skill, avg(rs.points / nullif(rs.max_points, 0)) as mastery, count(*)::int as scores, count(distinct l.user_id)::int as learners
          from latest l join review_scores rs on rs.review_id = l.id
          join missions m on m.id = l.mission_id
          left join rubric_criteria rc on rc.mission_id = l.mission_id and rc.key = rs.criterion_key
          left join mission_stages st on st.mission_id = l.mission_id and st.key = coalesce(rs.stage_key, rc.stage_key)
          cross join lateral jsonb_array_elements_text(
            case when rc.skills is not null and jsonb_array_length(rc.skills) > 0 then rc.skills
                 when st.required_skills is not null and jsonb_array_length(st.required_skills) > 0 then st.required_skills
                 else m.skills end) as skill
          where rs.max_points > 0
          group by skill order by mastery asc, skill`,
    ),
  ]);
  return { byTier, totals, skills };
}
export type CohortDashboard = Awaited<ReturnType<typeof cohortFigures>>;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote, and neutralise spreadsheet formulas (=, +, -, @) in names a learner controls.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per member: what an HR or L&D team pastes into their own sheet. */
export function cohortCsv(d: CohortDashboard): string {
  const head = ["name", "email", "joined_at", "attempts", "submitted", "approved", "mean_score", "last_activity_at", "overdue_assignments", "at_risk", "risk_reasons"];
  const lines = d.learners.map((m) =>
    [m.name, m.email, m.joined_at, m.attempts, m.submitted, m.approved, m.mean_score, m.last_activity_at, m.overdue_assignments, m.at_risk ? "yes" : "no", m.risk_reasons.join(" ")].map(csvCell).join(","),
  );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}
