"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/api/action";
import { Alert, Button, Field, inputClass } from "@/components/ui";

export type FieldSpec =
  | { name: string; label: string; kind: "text" | "email" | "date"; placeholder?: string; hint?: string; required?: boolean }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; empty?: string; hint?: string; required?: boolean }
  | { name: string; label: string; kind: "textarea"; placeholder?: string; hint?: string; required?: boolean };

/** One small admin form: fields from a spec, per-field errors, pending state, success message. */
export function AdminForm({ id, action, fields, submit }: { id: string; action: (s: ActionState, f: FormData) => Promise<ActionState>; fields: FieldSpec[]; submit: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const v = (n: string) => (state.ok ? "" : (state.values?.[n] ?? ""));
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${id}-title`} noValidate>
      {state.message && <Alert tone={state.ok ? "green" : "red"}>{state.message}</Alert>}
      {fields.map((f) => (
        <Field key={`${f.name}-${state.ok ? "ok" : "x"}`} label={f.label} name={`${id}-${f.name}`} error={state.fields?.[f.name]} hint={f.hint}>
          {(p) =>
            f.kind === "select" ? (
              <select {...p} name={f.name} defaultValue={v(f.name)} className={inputClass} required={f.required}>
                <option value="">{f.empty ?? "Choose…"}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            ) : f.kind === "textarea" ? (
              <textarea {...p} name={f.name} defaultValue={v(f.name)} rows={3} placeholder={f.placeholder} className={inputClass} required={f.required} />
            ) : (
              <input {...p} name={f.name} type={f.kind} defaultValue={v(f.name)} placeholder={f.placeholder} className={inputClass} required={f.required} />
            )
          }
        </Field>
      ))}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : submit}
      </Button>
    </form>
  );
}
