import "server-only";
import type { RegisterInput } from "@/lib/api/contracts/auth";
import { env } from "@/lib/env";
import { errors, isUniqueViolation } from "@/lib/errors";
import { insertUser } from "@/lib/db/queries/users";
import { hashPassword } from "./password";
import { enforce, LIMITS } from "./rate-limit";
import { clientAddress, signUpBucket } from "./client-address";

/** Anyone may sign up as a learner unless SORTIE_SIGNUP_OPEN=0; `headers` name the client for the rate limit. */
export async function registerLearner(input: RegisterInput, headers: Headers) {
  if (!env().signupOpen) throw errors.forbidden("Sign-up is closed on this instance.");
  const bucket = signUpBucket(clientAddress(headers), LIMITS.register.limit);
  await enforce(bucket.key, bucket.limit, LIMITS.register.windowSeconds);
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertUser({ email: input.email, name: input.name, role: "learner", passwordHash });
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.conflict("An account with this email already exists.", { fields: { email: "already registered" } });
    throw e;
  }
}
