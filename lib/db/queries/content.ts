import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { decisionPoints, missionStages, missionVersions, missions, recipes } from "@/lib/db/schema";

/** Every mission with its shape and the content of its current version (admin content page). */
export async function missionsWithContent({ tx = db }: { tx?: Tx } = {}) {
  return tx
    .select({
      id: missions.id,
      code: missions.code,
      title: missions.title,
      track: missions.track,
      tier: missions.tier,
      status: missions.status,
      version: missions.version,
      updatedAt: missions.updatedAt,
      stages: sql<number>`(select count(*)::int from ${missionStages} where ${missionStages.missionId} = ${missions.id})`,
      decisions: sql<number>`(select count(*)::int from ${decisionPoints} where ${decisionPoints.missionId} = ${missions.id})`,
      content: missionVersions.content,
    })
    .from(missions)
    .innerJoin(missionVersions, and(eq(missionVersions.missionId, missions.id), eq(missionVersions.version, missions.version)))
    .orderBy(asc(missions.track), asc(missions.code));
}

export async function recipeCounts({ tx = db }: { tx?: Tx } = {}) {
  return tx.select({ status: recipes.status, n: count() }).from(recipes).groupBy(recipes.status);
}
