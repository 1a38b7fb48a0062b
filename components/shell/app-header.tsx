import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { HOME, NAV } from "@/lib/auth/permissions";
import { NavLinks } from "./nav-links";

export async function AppHeader() {
  const user = await currentUser();
  return (
    <header className="border-b border-slate-800 bg-night text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
        <Link href={user ? HOME[user.role] : "/"} className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-brand-500 text-center text-sm leading-6">S</span>
          Sortie
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
              <NavLinks items={NAV[user.role]} />
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <Link href="/settings" className="rounded px-2 py-1 text-slate-200 hover:bg-slate-800">
                <span className="sr-only">Settings for </span>
                {user.name}
                <span className="ml-2 rounded bg-slate-700 px-1.5 py-0.5 text-xs capitalize">{user.role}</span>
              </Link>
              <form method="post" action="/logout">
                <button type="submit" className="rounded border border-slate-600 px-3 py-1 text-slate-100 hover:bg-slate-800">
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : (
          <div className="ml-auto flex items-center gap-2 text-sm">
            <Link href="/recipes" className="rounded px-3 py-1.5 text-slate-200 hover:bg-slate-800">Recipes</Link>
            <Link href="/login" className="rounded px-3 py-1.5 text-slate-100 hover:bg-slate-800">Sign in</Link>
            <Link href="/register" className="rounded bg-brand-500 px-3 py-1.5 font-medium hover:bg-brand-600">Create account</Link>
          </div>
        )}
      </div>
    </header>
  );
}
