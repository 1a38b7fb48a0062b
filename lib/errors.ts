import { z } from "zod";

// One error type for every layer (data, use cases, route handlers, server actions). Each code has
// the HTTP status it maps to; lib/api turns an AppError into SPEC §4's JSON shape (errorBody).
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_not_met: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string>,
    public readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const errors = {
  badRequest: (message: string, fields?: Record<string, string>) => new AppError("bad_request", message, fields),
  validation: (fields: Record<string, string>, message = "Some fields are not valid.") =>
    new AppError("validation_failed", message, fields),
  unauthorized: (message = "Sign in to continue.") => new AppError("unauthorized", message),
  forbidden: (message = "You are not allowed to do this.") => new AppError("forbidden", message),
  notFound: (what = "Resource") => new AppError("not_found", `${what} not found.`),
  conflict: (message: string, extra?: Record<string, unknown>) => new AppError("conflict", message, undefined, extra),
  rule: (message: string, fields?: Record<string, string>, extra?: Record<string, unknown>) =>
    new AppError("rule_not_met", message, fields, extra),
  tooLarge: (message = "The request is too large.", fields?: Record<string, string>) => new AppError("payload_too_large", message, fields),
  unsupported: (message: string, fields?: Record<string, string>) => new AppError("unsupported_media_type", message, fields),
  rateLimited: (message = "Too many requests. Try again shortly.") => new AppError("rate_limited", message),
};

/** "stages[2].hints[0].penalty" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}

export function zodFields(error: z.ZodError, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const p = formatPath(issue.path);
    const key = prefix ? (p === "(root)" ? prefix : `${prefix}${p.startsWith("[") ? "" : "."}${p}`) : p;
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

export function fromZod(error: z.ZodError, message = "Some fields are not valid."): AppError {
  return errors.validation(zodFields(error), message);
}

/** Postgres unique violation (23505), through postgres.js or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}
