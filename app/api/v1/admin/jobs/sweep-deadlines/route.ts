import { timingSafeEqual } from "node:crypto";
import { errorResponse, json } from "@/lib/api/handler";
import { errors } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { callerFromRequest } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { sweepDeadlines } from "@/lib/db/queries/progress";

function cronSecretMatches(given: string | null): boolean {
  const secret = env().SORTIE_CRON_SECRET;
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The deadline sweep, for a scheduler (x-cron-secret) or an admin. */
export async function POST(req: Request) {
  try {
    if (!cronSecretMatches(req.headers.get("x-cron-secret"))) {
      const caller = await callerFromRequest(req);
      if (!caller) throw errors.unauthorized();
      if (!can(caller.role, "jobs:run")) throw errors.forbidden();
    }
    return json(await sweepDeadlines());
  } catch (e) {
    return errorResponse(e);
  }
}
