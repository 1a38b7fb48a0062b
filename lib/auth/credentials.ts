import "server-only";
import { z } from "zod";
import type { Role } from "@/lib/db/schema/enums";
import { findUserForSignIn } from "@/lib/db/queries/users";
import { logFailure } from "@/lib/log";
import { clientAddress, signInBuckets } from "./client-address";
import { dummyVerify, needsRehash, verifyPassword } from "./password";
import { hit, LIMITS } from "./rate-limit";
import { rehashPassword } from "./rehash";

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

/**
 * The sign-in check behind next-auth's Credentials provider: rate limits (by account, and by the
 * client address only when trusted proxies name it), then the password; an outdated hash is
 * replaced while the plain password is at hand. The user, null for wrong credentials, or
 * "rate_limited".
 */
export async function checkCredentials(raw: unknown, headers?: Headers) {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = headers ? clientAddress(headers) : null;
  for (const b of signInBuckets(email, address, LIMITS.signIn.limit)) {
    if (!(await hit(b.key, b.limit, LIMITS.signIn.windowSeconds)).allowed) return "rate_limited" as const;
  }
  const user = await findUserForSignIn({ email });
  if (!user) {
    await dummyVerify(password);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  // Told apart from a wrong password only after the right one: nobody learns which accounts are off.
  if (user.deactivatedAt) return "deactivated" as const;
  if (needsRehash(user.passwordHash)) await rehashPassword(user.id, user.passwordHash, password).catch((e) => logFailure("rehashing a password", e));
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion };
}
