import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonChecker } from "./json-check";

const viaParse = (s: string) => {
  try {
    JSON.parse(s.trim());
    return true;
  } catch {
    return false;
  }
};

/** Feeds `s` in pieces cut at the given points, as chunks of an upload arrive. */
function streamed(s: string, cuts: number[] = []) {
  const c = jsonChecker();
  let at = 0;
  for (const cut of [...cuts.map((x) => x % (s.length + 1))].sort((a, b) => a - b)) {
    c.push(s.slice(at, cut));
    at = cut;
  }
  c.push(s.slice(at));
  return c.end();
}

describe("streamed JSON check", () => {
  it("agrees with JSON.parse on hand-picked cases", () => {
    const cases = [
      '{"a": [1, 2.5e-3, -0, true, false, null, "x\\u00e9\\n"]}',
      " [ ] ",
      "{}",
      '\ufeff {"bom-like leading space": 1} \u00a0',
      "[1,]",
      '{"a":1,}',
      '{"a" 1}',
      "[01]",
      "[1.]",
      "[.5]",
      "-",
      "[1e]",
      '["\t"]',
      '["\\x"]',
      '["\\u12G4"]',
      "[tru]",
      "[true false]",
      "{} {}",
      '{"a":1}]',
      "[[[]]]",
      "[[[]]",
      "",
      "   ",
      "42",
      '"s"',
    ];
    for (const s of cases) expect([s, streamed(s)]).toEqual([s, viaParse(s)]);
  });

  it("agrees with JSON.parse on generated documents, whole or mutated, in any chunking", () => {
    const doc = fc.jsonValue().map((v) => JSON.stringify(v, null, Math.random() < 0.5 ? 2 : undefined));
    const mutated = fc.tuple(doc, fc.nat(), fc.constantFrom("", ",", "]", "}", "[", '"', "\\", ":", "-", "0", "e", " ", "\u0001")).map(([s, at, ch]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + ch + s.slice(i + (ch === "" ? 1 : 0));
    });
    fc.assert(
      fc.property(fc.oneof(doc, mutated), fc.array(fc.nat(), { maxLength: 6 }), (s, cuts) => {
        expect(streamed(s, cuts)).toBe(viaParse(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("holds constant memory: nesting past its depth limit counts as not JSON rather than growing", () => {
    expect(streamed("[".repeat(20_000) + "]".repeat(20_000))).toBe(false);
    expect(streamed("[".repeat(9_000) + "]".repeat(9_000))).toBe(true);
  });
});
