import { describe, expect, it } from "vitest";
import { MAX_CONCURRENT_UPLOADS, withUploadSlot } from "./upload";

describe("concurrent uploads per user", () => {
  it(`lets ${MAX_CONCURRENT_UPLOADS} run at once, refuses the next with a 429, and frees the slot when one ends (even by failing)`, async () => {
    const release: (() => void)[] = [];
    const slow = () => new Promise<string>((r) => release.push(() => r("done")));
    const running = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => withUploadSlot("u1", slow));
    await expect(withUploadSlot("u1", async () => "x")).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    // Another user is not affected.
    await expect(withUploadSlot("u2", async () => "other")).resolves.toBe("other");
    release.shift()!();
    await running[0];
    await expect(withUploadSlot("u1", async () => { throw new Error("bad upload"); })).rejects.toThrow("bad upload");
    await expect(withUploadSlot("u1", async () => "again")).resolves.toBe("again");
    release.forEach((r) => r());
    await Promise.all(running);
  });
});
