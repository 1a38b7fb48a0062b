import "server-only";
import type { RegisterInput } from "@/lib/api/contracts/auth";
import { env } from "@/lib/env";
import { errors } from "@/lib/errors";
import { createUser } from "@/lib/db/queries/users";
import { enforce, LIMITS } from "./rate-limit";

/** Anyone may sign up as a learner unless SORTIE_SIGNUP_OPEN=0. */
export async function registerLearner(input: RegisterInput, ip = "local") {
  if (!env().signupOpen) throw errors.forbidden("Sign-up is closed on this instance.");
  await enforce(`register:${ip}`, LIMITS.register.limit, LIMITS.register.windowSeconds);
  return createUser({ email: input.email, password: input.password, name: input.name, role: "learner" });
}
