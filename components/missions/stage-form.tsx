"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Field, inputClass } from "@/components/ui";
import { api, ApiError } from "./api-client";

/** Notes, the answer field when the stage has one, and "Complete stage". */
export function StageForm({
  code,
  stage,
  notesMinChars,
  answerPrompt,
  initial,
  completed,
  disabled,
}: {
  code: string;
  stage: string;
  notesMinChars: number;
  answerPrompt: string | null;
  initial: { notes: string; answer: string | null };
  completed: boolean;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [notes, setNotes] = useState(initial.notes);
  const [answer, setAnswer] = useState(initial.answer ?? "");
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const count = notes.trim().length;
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setFields({});
        setMessage(null);
        try {
          const r = await api<{ decision: string | null; next_stage: string | null }>(`/missions/${code}/stages/${stage}/complete`, {
            method: "POST",
            body: { notes, ...(answerPrompt ? { answer: answer.trim() || null } : {}) },
          });
          setMessage({ tone: "green", text: completed ? "Saved." : "Stage complete." });
          if (!completed && r.next_stage && r.next_stage !== "end") router.push(`/missions/${code}/play?stage=${r.next_stage}`);
          router.refresh();
        } catch (err) {
          if (err instanceof ApiError) {
            setFields(err.fields);
            setMessage({ tone: "red", text: err.message });
          } else setMessage({ tone: "red", text: "Could not save the stage." });
        } finally {
          setPending(false);
        }
      }}
    >
      <Field label="Your notes" name={`notes-${stage}`} error={fields.notes} hint={notesMinChars ? `At least ${notesMinChars} characters · ${count} so far` : `${count} characters`}>
        {(p) => <textarea {...p} value={notes} onChange={(e) => setNotes(e.target.value)} rows={8} maxLength={20000} disabled={disabled} className={`${inputClass} font-mono`} placeholder="What you did, what you found, and how you know." />}
      </Field>
      {answerPrompt && (
        <Field label={answerPrompt} name={`answer-${stage}`} error={fields.answer}>
          {(p) => <input {...p} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={2000} disabled={disabled} className={`${inputClass} font-mono`} autoComplete="off" />}
        </Field>
      )}
      {(fields.evidence || fields.links) && <Alert tone="red">{[fields.evidence, fields.links].filter(Boolean).join(" ")}</Alert>}
      {message && !fields.notes && !fields.evidence && <p role={message.tone === "red" ? "alert" : "status"} className={message.tone === "red" ? "text-sm text-red-700" : "text-sm text-green-700"}>{message.text}</p>}
      {!disabled && <Button type="submit" disabled={pending}>{pending ? "Saving…" : completed ? "Save changes" : "Complete stage"}</Button>}
    </form>
  );
}
