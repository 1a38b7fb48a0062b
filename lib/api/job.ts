import "server-only";
import { timingSafeEqual } from "node:crypto";
import { errorResponse, json } from "./handler";
import { errors } from "@/lib/errors";
import { env } from "@/lib/env";
import { callerFromRequest } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

function cronSecretMatches(given: string | null): boolean {
  const secret = env().SORTIE_CRON_SECRET;
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A maintenance job's POST handler, for a scheduler (x-cron-secret) or an admin (jobs:run). */
export function jobRoute(run: () => Promise<unknown>) {
  return async (req: Request) => {
    try {
      if (!cronSecretMatches(req.headers.get("x-cron-secret"))) {
        const caller = await callerFromRequest(req);
        if (!caller) throw errors.unauthorized();
        if (!can(caller.role, "jobs:run")) throw errors.forbidden();
      }
      return json(await run());
    } catch (e) {
      return errorResponse(e);
    }
  };
}
