import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/db/schema/enums";
import { authSecret } from "./secret";
import { checkCredentials } from "./credentials";
import { logFailure } from "@/lib/log";

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

class Deactivated extends CredentialsSignin {
  code = "deactivated";
}

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
        const r = await checkCredentials(raw, request?.headers);
        if (r === "rate_limited") throw new RateLimited();
        if (r === "deactivated") throw new Deactivated();
        return r;
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
