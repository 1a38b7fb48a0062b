"use client";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction, signOutEverywhereAction } from "@/lib/auth/actions";
import type { ActionState } from "@/lib/api/action";
import { Alert, Button, Field, inputClass } from "@/components/ui";

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createTokenAction, {});
  const token = state.data?.token as string | undefined;
  return (
    <form action={formAction} className="space-y-3">
      {state.message && !token && <Alert tone="red">{state.message}</Alert>}
      {token && (
        <Alert tone="green" title="Token created">
          <p>Copy it now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="new-token">{token}</code>
        </Alert>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <Field label="Token name" name="name" error={state.fields?.name} hint="For example: laptop script, CI export">
            {(p) => <input {...p} name="name" required maxLength={80} className={inputClass} />}
          </Field>
        </div>
        <div className="w-40">
          <Field label="Expires" name="expires_in_days" error={state.fields?.expires_in_days}>
            {(p) => (
              <select {...p} name="expires_in_days" defaultValue="90" className={inputClass}>
                <option value="30">in 30 days</option>
                <option value="90">in 90 days</option>
                <option value="365">in a year</option>
                <option value="">never</option>
              </select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</Button>
      </div>
    </form>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(revokeTokenAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Revoke token ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {state.message && !state.ok && <span role="alert" className="ml-2 text-sm text-red-700">{state.message}</span>}
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signOutEverywhereAction, {});
  return (
    <form action={formAction} className="mt-4 border-t border-slate-200 pt-4">
      <p className="text-sm text-slate-600">Lost a device or signed in on a shared computer? End every session of your account, this one included.</p>
      <Button type="submit" variant="secondary" className="mt-2" disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      {state.message && !state.ok && <p role="alert" className="mt-2 text-sm text-red-700">{state.message}</p>}
    </form>
  );
}
