"use client";
import { useActionState } from "react";
import Link from "next/link";
import { signInAction, registerAction } from "@/lib/auth/actions";
import type { ActionState } from "@/lib/api/action";
import { Alert, Button, Field, inputClass } from "@/components/ui";

export function SignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signInAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && <Alert tone="red">{state.message}</Alert>}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" error={state.fields?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} className={inputClass} />}
      </Field>
      <Field label="Password" name="password" error={state.fields?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to Sortie? <Link href="/register" className="font-medium text-brand-600 underline">Create an account</Link>
      </p>
    </form>
  );
}

export function RegisterForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(registerAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && <Alert tone="red">{state.message}</Alert>}
      <Field label="Name" name="name" error={state.fields?.name}>
        {(p) => <input {...p} name="name" autoComplete="name" required defaultValue={state.values?.name} className={inputClass} />}
      </Field>
      <Field label="Email" name="email" error={state.fields?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} className={inputClass} />}
      </Field>
      <Field label="Password" name="password" error={state.fields?.password} hint="At least 10 characters.">
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account? <Link href="/login" className="font-medium text-brand-600 underline">Sign in</Link>
      </p>
    </form>
  );
}
