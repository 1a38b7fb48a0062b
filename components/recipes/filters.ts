import { libraryQuerySchema, type LibraryQuery } from "@/lib/api/contracts/recipes";

/**
 * For pages: parse what is valid and drop what is not (a hand-edited URL should not break the
 * library); the API uses the strict schema and answers 400 instead.
 */
export function parseLibraryQuery(raw: Record<string, string | string[] | undefined>): LibraryQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined) flat[k] = s;
  }
  for (let i = 0; i < 12; i++) {
    const r = libraryQuerySchema.safeParse(flat);
    if (r.success) return r.data;
    for (const issue of r.error.issues) delete flat[String(issue.path[0])];
  }
  return libraryQuerySchema.parse({});
}
