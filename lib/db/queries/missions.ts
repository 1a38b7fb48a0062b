import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { builtOnce, db, type Tx } from "@/lib/db";
import { missionProgress, missionVersions, missions, type Mission, type MissionProgress } from "@/lib/db/schema";
import { MISSION_CODE, type MissionContent } from "@/lib/content/schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mission row by uuid or by code (SIEM-03), or undefined. */
export async function findMission({ idOrCode, tx = db }: { idOrCode: string; tx?: Tx }) {
  const byId = UUID.test(idOrCode);
  if (!byId && !MISSION_CODE.test(idOrCode.toUpperCase())) return undefined;
  const [m] = await tx
    .select()
    .from(missions)
    .where(byId ? eq(missions.id, idOrCode) : eq(missions.code, idOrCode.toUpperCase()))
    .limit(1);
  return m;
}

/**
 * A mission row by uuid or code with the user's latest attempt at it (undefined when they never
 * started), in one statement: the attempt's pages read both on every view.
 */
export async function findMissionWithLatestAttempt({ idOrCode, userId, tx = db }: { idOrCode: string; userId: string; tx?: Tx }): Promise<{ mission: Mission; progress: MissionProgress | undefined } | undefined> {
  const byId = UUID.test(idOrCode);
  if (!byId && !MISSION_CODE.test(idOrCode.toUpperCase())) return undefined;
  const q = tx === db ? (byId ? keptById() : keptByCode()) : missionWithLatestAttempt(tx, byId);
  const [r] = await q.execute({ ref: byId ? idOrCode : idOrCode.toUpperCase(), userId });
  return r && { mission: r.mission, progress: r.progress ?? undefined };
}

// Every attempt page asks it (two wide tables): built once per form of the reference (see builtOnce).
const missionWithLatestAttempt = (tx: Tx, byId: boolean) =>
  tx
    .select({ mission: missions, progress: missionProgress })
    .from(missions)
    .leftJoin(missionProgress, and(eq(missionProgress.missionId, missions.id), eq(missionProgress.userId, sql.placeholder("userId"))))
    .where(eq(byId ? missions.id : missions.code, sql.placeholder("ref")))
    .orderBy(sql`${missionProgress.attempt} desc nulls last`)
    .limit(1)
    .prepare(byId ? "mission_with_attempt_by_id" : "mission_with_attempt_by_code");
const keptById = builtOnce((d) => missionWithLatestAttempt(d, true));
const keptByCode = builtOnce((d) => missionWithLatestAttempt(d, false));

/** The authored content of one version of a mission (progress rows keep the version they started on). */
export async function missionContent({ missionId, version, tx = db }: { missionId: string; version: number; tx?: Tx }): Promise<MissionContent | undefined> {
  const [v] = await tx
    .select({ content: missionVersions.content })
    .from(missionVersions)
    .where(and(eq(missionVersions.missionId, missionId), eq(missionVersions.version, version)));
  return v?.content;
}
