import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { HOME } from "@/lib/auth/permissions";
import { ButtonLink } from "@/components/ui";

export default async function Home() {
  const user = await currentUser();
  if (user) redirect(HOME[user.role]);
  return (
    <section className="mx-auto max-w-3xl py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Cybersecurity training that looks like the job</p>
      <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Run real missions. Get reviewed by mentors. Learn exactly what you need, when you need it.</h1>
      <p className="mt-6 text-lg text-slate-600">
        Triage a SIEM alert at 3 a.m., scope a penetration test, brief a board after a breach. Every mission branches on your decisions, and every stage
        recommends the recipe that gets you unstuck.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/register">Create a free account</ButtonLink>
        <ButtonLink href="/login" variant="secondary">Sign in</ButtonLink>
      </div>
    </section>
  );
}
