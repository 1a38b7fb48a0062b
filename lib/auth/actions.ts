"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "./index";
import { action, type ActionState } from "@/lib/api/action";
import { registerLearner } from "./register";
import { registerSchema, tokenCreateSchema } from "@/lib/api/contracts/auth";
import { HOME } from "./permissions";
import { findUserForSignIn } from "@/lib/db/queries/users";
import type { Role } from "@/lib/db/schema/enums";
import { createApiToken, revokeApiToken } from "./tokens";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { endAllSessions, expiredSessionCookies } from "./sessions";

const signInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
  next: z.string().optional(),
});

async function doSignIn(email: string, password: string, next?: string): Promise<ActionState | void> {
  try {
    const u = await findUserForSignIn({ email });
    const safeNext = next && next.startsWith("/") && !next.startsWith("//") ? next : undefined;
    await signIn("credentials", { email, password, redirectTo: safeNext ?? (u ? HOME[u.role as Role] : "/") });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { message: "Too many sign-in attempts. Wait a few minutes and try again.", values: { email } };
      if (code === "deactivated") return { message: "This account is deactivated. Ask an administrator to reactivate it.", values: { email } };
      return { message: "Email or password is incorrect.", values: { email } };
    }
    throw e; // the redirect after a successful sign-in
  }
}

export const signInAction = action({ schema: signInSchema }, async (input) => doSignIn(input.email, input.password, input.next));

export const registerAction = action({ schema: registerSchema }, async (input) => {
  await registerLearner(input, await headers());
  return doSignIn(input.email, input.password);
});


const tokenForm = tokenCreateSchema.extend({ name: z.string().trim().min(1, "Give the token a name").max(80) });

export const createTokenAction = action({ schema: tokenForm, permission: "tokens:manage" }, async (input, caller) => {
  const t = await createApiToken({ userId: caller.id, name: input.name, expiresInDays: input.expires_in_days });
  revalidatePath("/settings");
  return { ok: true, message: "Token created. Copy it now: it will not be shown again.", data: { token: t.token } };
});

export const revokeTokenAction = action({ schema: z.object({ id: z.uuid() }), permission: "tokens:manage" }, async (input, caller) => {
  // Scoped to the caller: another user's token id revokes nothing and says so.
  if (!(await revokeApiToken({ userId: caller.id, token: input.id }))) return { message: "No such token of yours (already revoked?)." };
  revalidatePath("/settings");
  return { ok: true, message: "Token revoked." };
});

/** Settings: ends every session of the caller on every device (this one too), then to /login. */
export const signOutEverywhereAction = action({ schema: z.object({}), permission: "profile:read" }, async (_input, caller) => {
  await endAllSessions(caller.id);
  const jar = await cookies();
  for (const c of expiredSessionCookies((await headers()).get("cookie"))) jar.delete(c.slice(0, c.indexOf("=")));
  redirect("/login?signedout=everywhere");
});
