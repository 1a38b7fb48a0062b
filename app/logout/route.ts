/**
 * Sign-out as a plain form POST: works before the page is hydrated, and the 303 makes the browser
 * load /login as a new request. Sessions are JWTs in cookies (no server state), so signing out is
 * expiring every session-token cookie, including next-auth's chunked ones (.0, .1, …).
 */
export function POST(req: Request) {
  const headers = new Headers({ location: "/login" });
  const names = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("=")[0])
    .filter((n) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(n));
  for (const name of new Set([...names, "authjs.session-token"])) {
    headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
  }
  return new Response(null, { status: 303, headers });
}
