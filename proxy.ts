// Early redirect for signed-out visitors; every page, action and handler still checks the role itself.
// Read-only: it never sets or refreshes the session cookie (see lib/auth/proxy.ts).
export { proxy } from "@/lib/auth/proxy";

export const config = {
  matcher: ["/dashboard/:path*", "/foundations/:path*", "/portfolio", "/settings/:path*", "/review/:path*", "/admin/:path*", "/enterprise/:path*", "/missions/:path*/play/:path*"],
};
