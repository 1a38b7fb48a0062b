import type { AppError } from "@/lib/errors";

// SPEC §4's JSON error shape: {"error": {"code", "message", "fields"?, ...extra}}.
export function errorBody(e: AppError) {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.fields && Object.keys(e.fields).length ? { fields: e.fields } : {}),
      ...(e.extra ?? {}),
    },
  };
}
