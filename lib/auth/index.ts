import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/lib/db/schema/enums";
import { findUserForSignIn } from "@/lib/db/queries/users";
import { dummyVerify, verifyPassword } from "./password";
import { hit, LIMITS } from "./rate-limit";
import { authSecret } from "./secret";
import { logFailure } from "@/lib/log";
import { clientAddress, signInBuckets } from "./client-address";

declare module "next-auth" {
  interface Session {
    // sid and sv let the server end this session (sign-out) or all of the user's (their version).
    user: { id: string; role: Role; sid?: string; sv?: number } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // 14 days from sign-in: nothing re-issues the cookie afterwards (the proxy only reads it, so a
  // late response cannot resurrect a session after sign-out; see lib/auth/proxy.ts).
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logFailure("sign-in", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = request?.headers ? clientAddress(request.headers) : null;
        for (const b of signInBuckets(email, address, LIMITS.signIn.limit)) {
          if (!(await hit(b.key, b.limit, LIMITS.signIn.windowSeconds)).allowed) throw new RateLimited();
        }
        const user = await findUserForSignIn({ email });
        if (!user) {
          await dummyVerify(password);
          return null;
        }
        if (!(await verifyPassword(password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sid = randomUUID();
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.id as string;
      session.user.role = token.role as Role;
      session.user.sid = token.sid as string | undefined;
      session.user.sv = token.sv as number | undefined;
      return session;
    },
  },
});
