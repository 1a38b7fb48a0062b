import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { HOME } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { Alert, Card } from "@/components/ui";
import { SignInForm } from "@/components/auth/auth-forms";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; callbackUrl?: string; signedout?: string }> }) {
  const user = await currentUser();
  if (user) redirect(HOME[user.role]);
  const sp = await searchParams;
  const next = sp.next ?? (sp.callbackUrl ? new URL(sp.callbackUrl, "http://localhost").pathname : undefined);
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">Sign in to Sortie</h1>
      <p className="mb-6 text-slate-600">Pick up your missions where you left them.</p>
      {sp.signedout === "everywhere" && (
        <div className="mb-4"><Alert tone="green">You are signed out on every device.</Alert></div>
      )}
      <Card>
        <SignInForm next={next} />
      </Card>
      {env().demo && (
        <Card className="mt-6 text-sm">
          <h2 className="font-semibold">Demo accounts</h2>
          <p className="mt-1 text-slate-600">Password for all: <code className="rounded bg-slate-100 px-1">sortie-demo</code></p>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            <li>learner@demo.sortie.dev</li>
            <li>mentor@demo.sortie.dev</li>
            <li>admin@demo.sortie.dev</li>
            <li>enterprise@demo.sortie.dev</li>
          </ul>
        </Card>
      )}
    </div>
  );
}
