import { describe, expect, it } from "vitest";
import { memoised, rolledKey } from "./memo";

describe("memoised", () => {
  it("computes once per key and version, and again when the version moves on", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await memoised("k1", "e:1", compute)).toBe(1);
    expect(await memoised("k1", "e:1", compute)).toBe(1);
    expect(await memoised("k1", "e:2", compute)).toBe(2);
    expect(await memoised("k1", "e:2", compute)).toBe(2);
    // Another database (another epoch) at the same generation is another version.
    expect(await memoised("k1", "f:2", compute)).toBe(3);
    expect(runs).toBe(3);
  });

  it("shares one computation between concurrent callers", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      runs++;
      await gate;
      return "answer";
    };
    const both = Promise.all([memoised("k2", "v", compute), memoised("k2", "v", compute)]);
    release();
    expect(await both).toEqual(["answer", "answer"]);
    expect(runs).toBe(1);
  });

  it("does not keep a failed computation", async () => {
    await expect(memoised("k3", "v", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await memoised("k3", "v", async () => "recovered")).toBe("recovered");
  });

  it("drops the least recently used keys beyond its bound, keeping the ones still read", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await memoised("hot", "v", compute);
    for (let i = 0; i < 600; i++) {
      await memoised(`cold-${i}`, "v", compute);
      if (i % 100 === 0) await memoised("hot", "v", compute);
    }
    const before = runs;
    await memoised("hot", "v", compute);
    expect(runs).toBe(before);
    await memoised("cold-0", "v", compute);
    expect(runs).toBe(before + 1);
  });
});

describe("memoised with staleAfterMs", () => {
  it("gives the kept older answer when the newer one takes longer, then the newer one once computed", async () => {
    await memoised("s1", "v1", async () => "old", { staleAfterMs: 20 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const slow = async () => {
      runs++;
      await gate;
      return "new";
    };
    expect(await memoised("s1", "v2", slow, { staleAfterMs: 20 })).toBe("old");
    // A second reader of v2 meanwhile: still the old answer, and no second computation; nor for a
    // reader of a still newer version while it runs.
    expect(await memoised("s1", "v2", slow, { staleAfterMs: 20 })).toBe("old");
    expect(await memoised("s1", "v3", slow, { staleAfterMs: 20 })).toBe("old");
    release();
    await gate;
    await new Promise((r) => setTimeout(r, 0));
    expect(await memoised("s1", "v2", slow, { staleAfterMs: 20 })).toBe("new");
    expect(runs).toBe(1);
  });

  it("waits for the newer answer when it comes within the budget, and never serves stale without a kept answer", async () => {
    await memoised("s2", "v1", async () => "old", { staleAfterMs: 1000 });
    expect(await memoised("s2", "v2", async () => "new", { staleAfterMs: 1000 })).toBe("new");
    expect(await memoised("s3", "v1", async () => new Promise((r) => setTimeout(() => r("first"), 50)), { staleAfterMs: 1 })).toBe("first");
  });
});

describe("memoised: an answer that took long is not recomputed back to back", () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  it("serves the kept answer, without computing, until as long as its computation took has passed", async () => {
    let runs = 0;
    const slow = (v: string) => async () => {
      runs++;
      await sleep(300);
      return v;
    };
    await memoised("r1", "v1", slow("a"), { staleAfterMs: 0 });
    // Right after "a" was computed (300 ms), a newer version waits its turn: the kept answer, no computation.
    expect(await memoised("r1", "v2", slow("b"), { staleAfterMs: 0 })).toBe("a");
    expect(runs).toBe(1);
    await sleep(320);
    // Rested: this read starts "b" (and, not waiting, gets "a"); once computed, "b" is served.
    expect(await memoised("r1", "v2", slow("b"), { staleAfterMs: 0 })).toBe("a");
    expect(runs).toBe(2);
    await sleep(320);
    expect(await memoised("r1", "v2", slow("b"), { staleAfterMs: 0 })).toBe("b");
    expect(await memoised("r1", "v3", slow("c"), { staleAfterMs: 0 })).toBe("b");
    expect(runs).toBe(2);
    // A reader willing to wait (a budget of 250 ms or more) starts the newer one at once.
    expect(await memoised("r1", "v3", slow("c"), { staleAfterMs: 5000 })).toBe("c");
    expect(runs).toBe(3);
  });

  it("computes a cheap answer again as soon as the version moves", async () => {
    let runs = 0;
    const fast = async () => ++runs;
    await memoised("r2", "v1", fast, { staleAfterMs: 0 });
    await memoised("r2", "v2", fast, { staleAfterMs: 0 });
    await sleep(0);
    expect(await memoised("r2", "v2", fast, { staleAfterMs: 0 })).toBe(2);
    await memoised("r2", "v3", fast, { staleAfterMs: 0 });
    expect(runs).toBe(3);
  });
});

describe("rolledKey", () => {
  it("tells apart every filter the rolled-up figures depend on", () => {
    const keys = [
      rolledKey("performance", "", {}),
      rolledKey("heatmap", "", {}),
      rolledKey("performance", "cohort:c1", {}),
      rolledKey("performance", "", { track: "grc" }),
      rolledKey("performance", "", { tier: "advanced" }),
      rolledKey("performance", "", { missionId: "m1" }),
      rolledKey("performance", "range:2026-11-01..|", {}),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(rolledKey("performance", "", { track: "grc" })).toBe(rolledKey("performance", "", { track: "grc" }));
  });
});
