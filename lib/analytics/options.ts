import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import type { Caller } from "@/lib/auth/session";
import { learnerScope } from "./filters";
import { listCohorts } from "./cohort";

/** What the dashboard filter controls offer: missions (not drafts) and the cohorts the caller may see. */
export async function filterOptions({ caller, tx = db }: { caller: Caller; tx?: Tx }) {
  const [missions, cohorts] = await Promise.all([
    rows<{ id: string; code: string; title: string; track: string; tier: string }>(
      tx,
      sql`select id::text as id, code, title, track, tier from missions where status <> 'draft' order by code`,
    ),
    listCohorts({ caller, tx }),
  ]);
  return { missions, cohorts: cohorts.map((c) => ({ id: c.id, slug: c.slug, name: c.name, organisation: c.organisation })) };
}

/** Learners the caller may see who submitted the mission (the benchmarks picker). */
export async function benchmarkLearners({ caller, missionId, tx = db }: { caller: Caller; missionId: string; tx?: Tx }) {
  return rows<{ id: string; name: string; email: string }>(
    tx,
    sql`select distinct u.id::text as id, u.name, u.email from mission_progress p join users u on u.id = p.user_id
        where p.mission_id = ${missionId} and p.submitted_at is not null and ${learnerScope(caller, sql`p.user_id`)}
        order by u.name limit 300`,
  );
}
