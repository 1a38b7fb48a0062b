"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/api/action";
import { setAccountActiveAction } from "@/app/admin/users/actions";
import { Button } from "@/components/ui";

/** Deactivate or reactivate one account from the users table. */
export function AccountActiveButton({ id, name, deactivated }: { id: string; name: string; deactivated: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setAccountActiveAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={deactivated ? "1" : "0"} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`${deactivated ? "Reactivate" : "Deactivate"} ${name}`}>
        {pending ? "Saving…" : deactivated ? "Reactivate" : "Deactivate"}
      </Button>
      {state.message && !state.ok && <span role="alert" className="ml-2 text-sm text-red-700">{state.message}</span>}
    </form>
  );
}
