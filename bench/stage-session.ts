// A fresh learner's session for the page benchmarks (bench/stage.ts, bench/cpu-per-view.ts): signs
// up, signs in, completes Foundations and starts a mission through the API, keeping the cookies.
import { randomBytes } from "node:crypto";

const jar = new Map<string, string>();

function keep(res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** The session's cookies as a Cookie header. */
export const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** One request, with the session's cookies unless `signedIn` is false; keeps cookies it sets. */
export async function req(base: string, path: string, signedIn = true, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, { redirect: "manual", ...init, headers: { ...(signedIn ? { cookie: cookie() } : {}), ...(init.headers ?? {}) } });
  if (signedIn) keep(res);
  await res.arrayBuffer();
  return res;
}

async function json<T>(base: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, { redirect: "manual", ...init, headers: { cookie: cookie(), ...(init.headers ?? {}) } });
  keep(res);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs up a fresh learner, completes Foundations and starts `mission`. */
export async function signUpAndStart(base: string, mission = "SIEM-01") {
  const email = `bench-${randomBytes(5).toString("hex")}@bench.sortie.dev`;
  const password = "bench-password-123";
  const r = await fetch(`${base}/api/v1/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: "Bench Learner" }) });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${await r.text()}`);
  const { body } = await json<{ csrfToken: string }>(base, "/api/auth/csrf");
  const s = await req(base, "/api/auth/callback/credentials", true, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken: body.csrfToken, callbackUrl: `${base}/dashboard` }),
  });
  if (![200, 302, 303].includes(s.status) || ![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${s.status}`);
  const f = await json<{ modules: { slug: string }[] }>(base, "/api/v1/foundations");
  for (const m of f.body.modules) await req(base, `/api/v1/foundations/${m.slug}/complete`, true, { method: "POST" });
  const st = await json<unknown>(base, `/api/v1/missions/${mission}/start`, { method: "POST" });
  if (st.status >= 300) throw new Error(`start: ${st.status} ${JSON.stringify(st.body)}`);
}
