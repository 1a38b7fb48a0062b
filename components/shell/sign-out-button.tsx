"use client";
import { useTransition } from "react";
import { signOutAction } from "@/lib/auth/actions";

/**
 * Clears the session, then loads /login as a fresh request. A server-side redirect would render
 * /login inside the sign-out request, which still carries the old cookie and so still "signed in".
 */
export function SignOutButton() {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await signOutAction();
          window.location.assign("/login");
        })
      }
      className="rounded border border-slate-600 px-3 py-1 text-slate-100 hover:bg-slate-800 disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
