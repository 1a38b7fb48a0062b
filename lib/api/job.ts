import "server-only";
import { timingSafeEqual } from "node:crypto";
import { errorResponse, json, withContract } from "./handler";
import type { Contract } from "./contract";
import { errors } from "@/lib/errors";
import { env } from "@/lib/env";
import { callerFromRequest } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";

function cronSecretMatches(given: string | null): boolean {
  const secret = env().SORTIE_CRON_SECRET;
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A maintenance job's POST handler, for a scheduler (x-cron-secret) or a caller with the contract's permission. */
export function jobRoute<C extends Contract & { permission: Permission }>(contract: C, run: () => Promise<unknown>) {
  return withContract(contract, async (req) => {
    try {
      if (!cronSecretMatches(req.headers.get("x-cron-secret"))) {
        const caller = await callerFromRequest(req);
        if (!caller) throw errors.unauthorized();
        if (!can(caller.role, contract.permission)) throw errors.forbidden();
      }
      return json(await run());
    } catch (e) {
      return errorResponse(e, `POST /api/v1${contract.path}`);
    }
  });
}
