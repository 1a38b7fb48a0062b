import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { missionVersions, missions } from "@/lib/db/schema";
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

/** The authored content of one version of a mission (progress rows keep the version they started on). */
export async function missionContent({ missionId, version, tx = db }: { missionId: string; version: number; tx?: Tx }): Promise<MissionContent | undefined> {
  const [v] = await tx
    .select({ content: missionVersions.content })
    .from(missionVersions)
    .where(and(eq(missionVersions.missionId, missionId), eq(missionVersions.version, version)));
  return v?.content;
}
