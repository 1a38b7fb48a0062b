"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Field, inputClass } from "@/components/ui";
import { api } from "./use-draft";

// Create a mission or recipe draft from scratch or from a copy, then open it in the editor.

export function NewDraftForm({ kind, sources }: { kind: "mission" | "recipe"; sources: { ref: string; title: string }[] }) {
  const router = useRouter();
  const refField = kind === "mission" ? "code" : "slug";
  const [ref, setRef] = useState("");
  const [copyFrom, setCopyFrom] = useState("");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    const value = kind === "mission" ? ref.trim().toUpperCase() : ref.trim();
    const body = { [refField]: value, ...(copyFrom ? { copy_from: copyFrom } : { title: kind === "mission" ? "Untitled mission" : "Untitled recipe" }) };
    const r = await api<Record<string, string>>(`/api/v1/admin/studio/${kind}s`, { method: "POST", body: JSON.stringify(body) });
    setPending(false);
    if (r.ok) router.push(`/admin/studio/${kind}s/${value}`);
    else setError({ message: r.json.error?.message ?? "Could not create it.", field: r.json.error?.fields?.[refField] ?? r.json.error?.fields?.copy_from });
  };
  const id = `new-${kind}`;
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="font-semibold">New {kind}</h2>
      {error && <Alert tone="red">{error.message}</Alert>}
      <Field label={kind === "mission" ? "Code (like SIEM-03)" : "Slug (like grep-auth-logs)"} name={`${id}-ref`} error={error?.field}>
        {(p) => <input {...p} required value={ref} onChange={(e) => setRef(e.target.value)} className={`${inputClass} font-mono`} />}
      </Field>
      <Field label="Start from" name={`${id}-copy`}>
        {(p) => (
          <select {...p} value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} className={inputClass}>
            <option value="">A blank {kind}</option>
            {sources.map((s) => <option key={s.ref} value={s.ref}>A copy of {s.ref}: {s.title}</option>)}
          </select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : `Create ${kind}`}</Button>
    </form>
  );
}
