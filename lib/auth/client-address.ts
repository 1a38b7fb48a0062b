import { env } from "@/lib/env";

// The client's address for rate limits, from what a client cannot forge. `next start` passes a
// client-sent X-Forwarded-For through unchanged and gives route handlers no socket address, so
// forwarded headers count only as far as SORTIE_TRUSTED_PROXIES says proxies of ours wrote them:
// each trusted proxy appends the address it saw, so with N of them the client is the N-th entry
// from the right, and everything left of it is whatever the client chose to send.

/** The client address the trusted proxies saw, or null when none is configured (or none came). */
export function clientAddress(headers: Headers, trusted = env().SORTIE_TRUSTED_PROXIES): string | null {
  if (trusted <= 0) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!hops.length) return null;
  // Fewer entries than proxies: the request came in past some of them; the leftmost is the
  // furthest hop a proxy of ours wrote.
  const addr = hops[Math.max(0, hops.length - trusted)];
  return addr.slice(0, 64);
}

/**
 * Rate-limit buckets for a sign-in: per account and address when the address is known, and always
 * a ceiling per account, so rotating addresses (or forging them) buys no more guesses than it.
 */
export function signInBuckets(email: string, address: string | null, limit: number): { key: string; limit: number }[] {
  const account = `signin:${email.toLowerCase()}`;
  if (!address) return [{ key: account, limit }];
  return [
    { key: `${account}:${address}`, limit },
    { key: account, limit: limit * 5 },
  ];
}

/**
 * The sign-up bucket: per client address, or one shared ceiling when the address is unknown
 * (no trusted proxy), so a forged header cannot open a bucket of its own.
 */
export function signUpBucket(address: string | null, limit: number): { key: string; limit: number } {
  return address ? { key: `register:${address}`, limit } : { key: "register:unknown-address", limit: limit * 10 };
}
