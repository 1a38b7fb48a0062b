import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/db/queries/users";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { CreateTokenForm, RevokeTokenButton, SignOutEverywhereForm } from "@/components/settings/token-forms";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const tokens = await listApiTokens({ userId: user.id });
  const now = Date.now();
  return (
    <>
      <PageHeader title="Settings" description="Your account and personal access tokens for the Sortie API." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <h2 className="font-semibold">Account</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div><dt className="text-slate-500">Name</dt><dd>{user.name}</dd></div>
            <div><dt className="text-slate-500">Email</dt><dd>{user.email}</dd></div>
            <div><dt className="text-slate-500">Role</dt><dd className="capitalize">{user.role}</dd></div>
          </dl>
          <SignOutEverywhereForm />
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="font-semibold">Personal access tokens</h2>
          <p className="mt-1 text-sm text-slate-600">
            Use a token as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code> on <a className="underline" href="/api-docs">/api/v1</a>.
            Tokens act as you; revoke one the moment it may have leaked.
          </p>
          <div className="mt-4"><CreateTokenForm /></div>
          <h3 className="mt-6 text-sm font-semibold">Active tokens</h3>
          {tokens.length === 0 ? (
            <div className="mt-2"><EmptyState title="No tokens yet">Create one above to call the API from a script.</EmptyState></div>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
                  <div>
                    <p className="font-medium">{t.name}</p>
                    <p className="text-xs text-slate-500">
                      <code>{t.prefix}…</code> · created {t.createdAt.toISOString().slice(0, 10)} · {t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never used"} ·{" "}
                      {!t.expiresAt ? "never expires" : t.expiresAt.getTime() <= now ? <span className="font-medium text-red-700">expired {t.expiresAt.toISOString().slice(0, 10)}</span> : `expires ${t.expiresAt.toISOString().slice(0, 10)}`}
                    </p>
                  </div>
                  <RevokeTokenButton id={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
