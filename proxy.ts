// Every request passes here first: a URL no route could serve (malformed percent-encoding, NUL)
// is answered before the router sees it, and signed-out visitors of protected pages are
// redirected early. Every page, action and handler still checks the role itself.
// Read-only: it never sets or refreshes the session cookie (see lib/auth/proxy.ts).
export { proxy } from "@/lib/auth/proxy";

export const config = {
  // Static assets are the only thing skipped: the URL check must see /api and every page.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
