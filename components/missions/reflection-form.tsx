"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button, Field, inputClass } from "@/components/ui";
import { api, ApiError } from "./api-client";

export function ReflectionForm({ code, initial, minChars, disabled }: { code: string; initial: string; minChars: number; disabled?: boolean }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const count = text.trim().length;
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setMessage(null);
        setError(undefined);
        try {
          await api(`/missions/${code}/reflection`, { method: "PUT", body: { reflection: text } });
          setMessage({ tone: "green", text: "Reflection saved." });
          router.refresh();
        } catch (err) {
          setError(err instanceof ApiError ? err.fields.reflection : undefined);
          setMessage({ tone: "red", text: err instanceof ApiError ? err.message : "Could not save the reflection." });
        } finally {
          setPending(false);
        }
      }}
    >
      <Field label="Your reflection" name="reflection" error={error} hint={`${count} characters${minChars ? ` · at least ${minChars} to submit` : ""}`}>
        {(p) => <textarea {...p} value={text} onChange={(e) => setText(e.target.value)} rows={12} maxLength={20000} disabled={disabled} className={inputClass} />}
      </Field>
      {message && <p role={message.tone === "red" ? "alert" : "status"} className={message.tone === "red" ? "text-sm text-red-700" : "text-sm text-green-700"}>{message.text}</p>}
      {!disabled && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save reflection"}</Button>
          <a href={`/missions/${code}/submit`} className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">Continue to submit →</a>
        </div>
      )}
    </form>
  );
}
