"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/api/action";
import { enrolmentAction, markModuleDoneAction } from "@/app/foundations/actions";
import { Button } from "@/components/ui";

export function MarkDoneButton({ module, title }: { module: string; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(markModuleDoneAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="module" value={module} />
      <Button type="submit" disabled={pending} aria-label={`Mark "${title}" as done`}>
        {pending ? "Saving…" : "Mark as done"}
      </Button>
      {state.message && !state.ok && <p role="alert" className="mt-1 text-sm text-red-700">{state.message}</p>}
    </form>
  );
}

export function EnrolButton({ track, label, enrolled }: { track: string; label: string; enrolled: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(enrolmentAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="track" value={track} />
      <input type="hidden" name="enrolled" value={enrolled ? "0" : "1"} />
      <Button type="submit" variant={enrolled ? "secondary" : "primary"} disabled={pending} aria-label={`${enrolled ? "Leave" : "Enrol in"} ${label}`}>
        {pending ? "Saving…" : enrolled ? "Leave track" : "Enrol"}
      </Button>
      {state.message && !state.ok && <p role="alert" className="mt-1 text-sm text-red-700">{state.message}</p>}
    </form>
  );
}
