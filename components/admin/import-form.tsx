"use client";
import { useActionState, useState } from "react";
import { importPackAction } from "@/lib/content/actions";
import type { ActionState } from "@/lib/api/action";
import { Alert, Button, Field, inputClass } from "@/components/ui";

export function ImportPackForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(importPackAction, {});
  const [text, setText] = useState("");
  const errs = (state.data?.errors as { path: string; message: string }[] | undefined) ?? [];
  return (
    <form action={formAction} className="space-y-3">
      {state.message && <Alert tone={state.ok ? "green" : "red"}>{state.message}</Alert>}
      {errs.length > 0 && (
        <div className="max-h-72 overflow-auto rounded-lg border border-red-200 bg-red-50 p-3">
          <ul className="space-y-1 font-mono text-xs text-red-900" aria-label="Errors by path">
            {errs.map((e) => (
              <li key={e.path}>
                <strong>{e.path}</strong>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="pack-file" className="block text-sm font-medium">Content pack file (.json)</label>
        <input
          id="pack-file"
          type="file"
          accept="application/json,.json"
          className="mt-1 block text-sm"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) setText(await f.text());
          }}
        />
      </div>
      <Field label="…or paste the pack JSON" name="pack" error={state.fields?.pack}>
        {(p) => <textarea {...p} name="pack" rows={8} value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass} font-mono text-xs`} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="mode" value="check" variant="secondary" disabled={pending}>Check only</Button>
        <Button type="submit" name="mode" value="import" disabled={pending}>{pending ? "Working…" : "Import"}</Button>
      </div>
    </form>
  );
}
