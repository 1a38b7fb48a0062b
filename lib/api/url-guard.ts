import { badText } from "./input";

// Next.js answers a path segment with malformed percent-encoding (/api/v1/missions/%ZZ) with a
// plain-text 500 of its own, before any route runs; and a page reading ?q=%00 would hand a NUL
// to Postgres. The proxy asks this first, for every request, so neither reaches the router.

function decodes(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Why this URL cannot name anything we serve, or null when it is fine. */
export function urlProblem(url: URL): string | null {
  for (const segment of url.pathname.split("/")) {
    const d = decodes(segment);
    if (d === null) return "The path is not valid percent-encoding.";
    if (badText(d)) return "The path contains characters no resource name has.";
  }
  const query = url.search.slice(1);
  if (query) {
    for (const part of query.split("&")) {
      const d = decodes(part.replace(/\+/g, " "));
      if (d === null) return "The query string is not valid percent-encoding.";
      if (badText(d)) return "The query string contains NUL characters or invalid Unicode.";
    }
  }
  return null;
}
