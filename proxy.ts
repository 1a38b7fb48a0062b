// Every request passes here first: a URL no route could serve (malformed percent-encoding, NUL)
// is answered before the router sees it, and signed-out visitors of protected pages are
// redirected early. Every page, action and handler still checks the role itself.
// Read-only: it never sets or refreshes the session cookie (see lib/auth/proxy.ts).
export { proxy } from "@/lib/auth/proxy";

export const config = {
  // Skipped: static assets, and the evidence upload POST /api/v1/missions/<id or code>/evidence.
  // For every request the proxy runs on, Next.js reads the whole body at once to hand the proxy a
  // copy (buffered in memory, and cut at 10 MB for the route: next/dist/server/body-streams.js), so
  // an upload would never stream. That path's segment is a plain slug or uuid here; one with
  // percent-encoding or anything else still goes through the URL check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/missions/[A-Za-z0-9_-]+/evidence/?$).*)"],
};
