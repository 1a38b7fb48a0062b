import { errors, formatPath } from "@/lib/errors";

// Values Postgres cannot store, and shapes the runtime cannot serialise, refused once where input
// enters (route(), action(), the telemetry and content-pack readers) so that no endpoint can turn
// them into a 500: text with NUL (Postgres text refuses \u0000), a lone UTF-16 surrogate (jsonb
// refuses it), and JSON nested deeper than any document of ours needs (JSON.stringify and zod
// recurse, so 6,000 levels is a RangeError).
export const MAX_DEPTH = 64;

const NUL = /\u0000/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function badText(s: string): string | null {
  if (NUL.test(s)) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(s)) return "must be valid Unicode text (a lone surrogate was sent)";
  return null;
}

/**
 * The first problem in a parsed value, as { path, message }, or null. Iterative, so the check
 * itself cannot overflow the stack however deep the value is.
 */
export function inputProblem(value: unknown, maxDepth = MAX_DEPTH): { path: string; message: string } | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      const why = badText(v);
      if (why) return { path: formatPath(path), message: why };
      continue;
    }
    if (!v || typeof v !== "object") continue;
    if (path.length >= maxDepth) return { path: formatPath(path), message: `is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else
      for (const [k, x] of Object.entries(v)) {
        const why = badText(k);
        if (why) return { path: formatPath([...path, k.replace(/[\u0000\uD800-\uDFFF]/g, "?")]), message: `has a key that ${why}` };
        stack.push({ v: x, path: [...path, k] });
      }
  }
  return null;
}

/** Throws the 400 naming the field (prefixed, e.g. "query.q") when a value cannot be stored. */
export function assertStorable(value: unknown, message = "Some fields are not valid.") {
  const p = inputProblem(value);
  if (p) throw errors.validation({ [p.path]: p.message }, message);
}

/** JSON.parse plus assertStorable: the one way request bodies become values. */
export function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.badRequest("The body is not valid JSON.");
  }
  assertStorable(value);
  return value;
}
