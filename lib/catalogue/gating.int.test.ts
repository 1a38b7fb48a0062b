import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/helpers";
import { setUnlockThreshold, unlockThreshold } from "./gating";

// SPEC §3 "Gating": the unlock threshold is admin-settable in the app (the env value is only the default).
describe("unlock threshold", () => {
  it("is the env default until an admin sets it, then the admin's value", async () => {
    expect(await unlockThreshold()).toBe(2);
    await setUnlockThreshold({ caller: await makeUser("admin"), value: 1 });
    expect(await unlockThreshold()).toBe(1);
    await setUnlockThreshold({ caller: await makeUser("admin"), value: 3 });
    expect(await unlockThreshold()).toBe(3);
  });

  it("may be set by admins only", async () => {
    await expect(setUnlockThreshold({ caller: await makeUser("mentor"), value: 0 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await unlockThreshold()).toBe(3);
  });
});
