import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { mentorLearnerPairs } from "./access";

// What a learner waiting for a review is told (lib/reviews/waiting.ts): who reviews, how long
// reviews take, what to read meanwhile. Rows only.

/** The learner's mentors (directly or through a cohort), by name. */
export async function mentorsOfLearner({ userId, tx = db }: { userId: string; tx?: Tx }) {
  return rows<{ id: string; name: string }>(tx, sql`select distinct u.id::text as id, u.name from ${mentorLearnerPairs} p join users u on u.id = p.mentor_id where p.user_id = ${userId} and u.deactivated_at is null order by u.name`);
}

/** Median hours from submission to review over the last `days`, for one mission and across all, with how many reviews each. */
export async function reviewWaitHours({ missionId, days = 90, tx = db }: { missionId: string; days?: number; tx?: Tx }) {
  const [r] = await rows<{ mission_median: number | null; mission_n: number; all_median: number | null; all_n: number }>(
    tx,
    sql`with w as (select mission_id, extract(epoch from reviewed_at - submitted_at) / 3600 as h from mission_progress
                   where reviewed_at is not null and submitted_at is not null and reviewed_at >= submitted_at and reviewed_at > now() - make_interval(days => ${days}))
      select (percentile_cont(0.5) within group (order by h) filter (where mission_id = ${missionId}))::float8 as mission_median,
             (count(*) filter (where mission_id = ${missionId}))::int as mission_n,
             (percentile_cont(0.5) within group (order by h))::float8 as all_median, count(*)::int as all_n from w`,
  );
  return { missionMedian: r?.mission_median === null || r?.mission_median === undefined ? null : Number(r.mission_median), missionN: Number(r?.mission_n ?? 0), allMedian: r?.all_median === null || r?.all_median === undefined ? null : Number(r.all_median), allN: Number(r?.all_n ?? 0) };
}

/** Published recipes the mission's author recommends that the learner has not completed, in stage order. */
export async function missionRecipesToRead({ userId, missionId, limit = 3, tx = db }: { userId: string; missionId: string; limit?: number; tx?: Tx }) {
  return rows<{ slug: string; title: string; summary: string; estimated_minutes: number }>(
    tx,
    sql`select r.slug, r.title, r.summary, r.estimated_minutes from recipes r
      join (select recipe_id, min(position) as pos from recipe_links where mission_id = ${missionId} group by 1) l on l.recipe_id = r.id
      left join recipe_progress rp on rp.recipe_id = r.id and rp.user_id = ${userId}
      where r.status = 'published' and rp.completed_at is null
      order by l.pos, r.title limit ${limit}`,
  );
}
