import "server-only";
import { env } from "@/lib/env";
import { recordAbandonedAttempts } from "@/lib/db/queries/abandoned";

/**
 * SPEC §3/§5: `mission.abandoned` — an open attempt with no activity for SORTIE_ABANDON_DAYS days
 * (the same rule the dashboards count as abandoned). Run by the sweep-deadlines job every minute;
 * the event carries the drop-off stage (stage_key) and is recorded once per idle spell.
 */
export async function sweepAbandoned({ now = new Date() }: { now?: Date } = {}) {
  return { abandoned: await recordAbandonedAttempts({ days: env().SORTIE_ABANDON_DAYS, now }) };
}

/** The sweep of open attempts the job, the admin route and the script run: deadlines, then idleness. */
export async function sweepOpenAttempts({ now = new Date() }: { now?: Date } = {}) {
  const { sweepDeadlines } = await import("./deadline");
  return { ...(await sweepDeadlines({ now })), ...(await sweepAbandoned({ now })) };
}
