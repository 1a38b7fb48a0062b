import "server-only";
import { setUserDeactivated } from "@/lib/db/queries/sessions";
import { errors } from "@/lib/errors";
import type { Caller } from "./session";

/**
 * An admin deactivates an account (it can no longer sign in or use its tokens, and every session
 * it has ends at once, on every instance) or reactivates it. An admin cannot lock themselves out.
 */
export async function setAccountActive({ caller, userId, active }: { caller: Caller; userId: string; active: boolean }) {
  if (caller.role !== "admin") throw errors.forbidden();
  if (!active && userId === caller.id) throw errors.rule("You cannot deactivate your own account.");
  if (!(await setUserDeactivated({ userId, deactivated: !active }))) throw errors.notFound("User");
}
