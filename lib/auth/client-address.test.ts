import { describe, expect, it } from "vitest";
import { clientAddress, signInBuckets, signUpBucket } from "./client-address";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For without a trusted proxy: a forged header names nobody", () => {
    expect(clientAddress(h("203.0.113.7"), 0)).toBeNull();
    expect(clientAddress(h("198.51.100.1, 203.0.113.7"), 0)).toBeNull();
  });

  it("takes the address the outermost trusted proxy saw, whatever the client prepended", () => {
    // nginx with proxy_add_x_forwarded_for appends $remote_addr to what the client sent.
    expect(clientAddress(h("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("9.9.9.9, 8.8.8.8, 203.0.113.7"), 1)).toBe("203.0.113.7");
    // Two proxies (a load balancer, then nginx): the client is second from the right.
    expect(clientAddress(h("1.2.3.4, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddress(h(), 1)).toBeNull();
  });
});

describe("rate-limit buckets", () => {
  it("a sign-in is always counted against the account, so rotating addresses does not help", () => {
    expect(signInBuckets("A@x.test", null, 10)).toEqual([{ key: "signin:a@x.test", limit: 10 }]);
    expect(signInBuckets("a@x.test", "203.0.113.7", 10)).toEqual([
      { key: "signin:a@x.test:203.0.113.7", limit: 10 },
      { key: "signin:a@x.test", limit: 50 },
    ]);
  });

  it("sign-up is per address, or one shared ceiling when the address is unknown", () => {
    expect(signUpBucket("203.0.113.7", 20)).toEqual({ key: "register:203.0.113.7", limit: 20 });
    expect(signUpBucket(null, 20)).toEqual({ key: "register:unknown-address", limit: 200 });
  });
});
