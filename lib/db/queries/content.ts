import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { decisionPoints, missionStages, missionVersions, missions, recipes } from "@/lib/db/schema";
import { validateGraph } from "@/lib/missions/graph";

/** Every mission with its shape and the result of the graph check on its current version. */
export async function listMissionsForAdmin() {
  const rows = await db
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
  return rows.map(({ content, ...m }) => ({ ...m, graphErrors: validateGraph(content).map((e) => `${e.path}: ${e.message}`) }));
}

export async function recipeCounts() {
  return db.select({ status: recipes.status, n: count() }).from(recipes).groupBy(recipes.status);
}
