"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button, Field, inputClass } from "@/components/ui";
import { api, ApiError } from "./api-client";
import type { Moment } from "@/lib/attempts/timeline";
import { TimelineList, clock } from "./timeline-list";

/** The reflection, with the attempt's timeline beside it: a moment can be quoted into the text. */
export function ReflectionForm({ code, initial, minChars, disabled, moments = [] }: { code: string; initial: string; minChars: number; disabled?: boolean; moments?: Moment[] }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const count = text.trim().length;
  const quote = (m: Moment) => setText((t) => `${t.trimEnd()}${t.trim() ? "\n\n" : ""}> ${clock(m.at)} — ${m.text}\n`);
  return (
    <>
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
    <section className="mt-6 border-t border-slate-200 pt-4" aria-labelledby="timeline-h">
      <h2 id="timeline-h" className="font-semibold text-slate-900">Your attempt, moment by moment</h2>
      <p className="mb-2 mt-1 text-sm text-slate-600">Quote a moment to anchor what you write in what you did.</p>
      <TimelineList moments={moments} onQuote={disabled ? undefined : quote} />
    </section>
    </>
  );
}
