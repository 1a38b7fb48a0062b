import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, zodFields } from "@/lib/errors";
import { inputProblem } from "./input";
import { logFailure } from "@/lib/log";
import { currentUser, type Caller } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";

/** What a form's useActionState holds: a message, per-field errors, and the values to refill. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  data?: Record<string, unknown>;
}

function formValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !/password|token/i.test(k)) out[k] = v;
  return out;
}

/**
 * The one wrapper for server actions (public POST endpoints): parse the form with zod, resolve
 * the caller, check the permission, run; errors become form state, never a thrown 500.
 */
export function action<S extends z.ZodType>(
  opts: { schema: S; permission?: Permission },
  fn: (input: z.output<S>, caller: Caller) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    try {
      const caller = await currentUser();
      if (opts.permission) {
        if (!caller) return { message: "Your session has ended. Sign in again.", values };
        if (!can(caller.role, opts.permission)) return { message: "You are not allowed to do this.", values };
      }
      const raw: Record<string, unknown> = {};
      for (const [k, v] of formData.entries()) {
        if (k.startsWith("$ACTION")) continue;
        if (k in raw) raw[k] = ([] as unknown[]).concat(raw[k], v);
        else raw[k] = v;
      }
      const bad = inputProblem(raw);
      if (bad) return { message: "Check the highlighted fields.", fields: { [bad.path]: bad.message }, values };
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) return { message: "Check the highlighted fields.", fields: zodFields(parsed.error), values };
      return (await fn(parsed.data, caller as Caller)) ?? { ok: true };
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof AppError) return { message: e.message, fields: e.fields ?? ((e.extra?.fields as Record<string, string>) || undefined), values };
      logFailure(`server action${opts.permission ? ` (${opts.permission})` : ""}`, e);
      return { message: "Something went wrong on our side. Try again.", values };
    }
  };
}
