import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { canSeeLearner } from "@/lib/db/queries/access";
import { findMission } from "@/lib/db/queries/missions";
import { percentileRank } from "./math";

const SCORED = sql`p.score is not null`;
const TIMED = sql`p.submitted_at is not null`;
const MS = sql`extract(epoch from p.submitted_at - p.started_at) * 1000`;

/**
 * A learner's score and time on a mission as percentiles of everyone's attempts and of their
 * cohort's. Uses the learner's best scored attempt (their latest submitted one when none is
 * scored yet). Higher score percentile = better; time percentile = share of attempts slower.
 */
export async function benchmarks({ caller, mission, learnerId, tx = db }: { caller: Caller; mission: string; learnerId?: string; tx?: Tx }) {
  const learner = learnerId ?? caller.id;
  if (!(await canSeeLearner({ caller, learnerId: learner, tx }))) throw errors.notFound("Learner");
  const m = await findMission({ idOrCode: mission, tx });
  if (!m) throw errors.notFound("Mission");
  const [who] = await rows<{ id: string; name: string }>(tx, sql`select id::text as id, name from users where id = ${learner}`);
  if (!who) throw errors.notFound("Learner");

  const [mine] = await rows<{ id: string; score: number | null; ms: number | null; attempt: number; state: string }>(
    tx,
    sql`select p.id::text as id, p.score, ${MS} as ms, p.attempt, p.state from mission_progress p
        where p.user_id = ${learner} and p.mission_id = ${m.id} and p.submitted_at is not null
        order by p.score desc nulls last, p.submitted_at desc limit 1`,
  );
  const cohorts = await rows<{ id: string; name: string; slug: string }>(
    tx,
    sql`select c.id::text as id, c.name, c.slug from cohort_members cm join cohorts c on c.id = cm.cohort_id where cm.user_id = ${learner} order by cm.joined_at limit 1`,
  );
  const cohort = cohorts[0] ?? null;

  const compare = async (cohortId: string | null) => {
    const inCohort = cohortId ? sql`and p.user_id in (select user_id from cohort_members where cohort_id = ${cohortId})` : sql``;
    const score = mine?.score ?? null;
    const ms = mine?.ms ?? null;
    const [r] = await rows<Record<string, number | null>>(
      tx,
      sql`select count(*) filter (where ${SCORED})::int as n_score,
            count(*) filter (where ${SCORED} and p.score < ${score ?? -1})::int as below_score,
            count(*) filter (where ${SCORED} and p.score = ${score ?? -1})::int as equal_score,
            count(*) filter (where ${TIMED})::int as n_time,
            count(*) filter (where ${TIMED} and ${MS} > ${ms ?? -1})::int as slower,
            count(*) filter (where ${TIMED} and ${MS} = ${ms ?? -1})::int as equal_time,
            percentile_cont(0.5) within group (order by p.score) as median_score,
            percentile_cont(0.5) within group (order by case when ${TIMED} then ${MS} end) as median_ms
          from mission_progress p where p.mission_id = ${m.id} and p.submitted_at is not null ${inCohort}`,
    );
    return {
      attempts: Number(r.n_score),
      timed_attempts: Number(r.n_time),
      score_percentile: score === null ? null : percentileRank(Number(r.below_score), Number(r.equal_score), Number(r.n_score)),
      time_percentile: ms === null ? null : percentileRank(Number(r.slower), Number(r.equal_time), Number(r.n_time)),
      median_score: r.median_score === null ? null : Math.round(Number(r.median_score) * 10) / 10,
      median_time_ms: r.median_ms === null ? null : Math.round(Number(r.median_ms)),
    };
  };
  const [all, ofCohort] = await Promise.all([compare(null), cohort ? compare(cohort.id) : Promise.resolve(null)]);
  return {
    mission: { id: m.id, code: m.code, title: m.title },
    learner: { id: who.id, name: who.name },
    attempt: mine ? { progress_id: mine.id, attempt: Number(mine.attempt), state: mine.state, score: mine.score === null ? null : Number(mine.score), time_ms: mine.ms === null ? null : Math.round(Number(mine.ms)) } : null,
    all,
    cohort: cohort && ofCohort ? { id: cohort.id, slug: cohort.slug, name: cohort.name, ...ofCohort } : null,
  };
}
export type Benchmarks = Awaited<ReturnType<typeof benchmarks>>;
