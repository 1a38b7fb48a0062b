// Early redirect for signed-out visitors; every page, action and handler still checks the role itself.
export { auth as proxy } from "@/lib/auth";

export const config = {
  matcher: ["/dashboard/:path*", "/foundations/:path*", "/portfolio", "/settings/:path*", "/review/:path*", "/admin/:path*", "/enterprise/:path*", "/missions/:path*/play/:path*"],
};
