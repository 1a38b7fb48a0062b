import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { badText, exactInputProblem, inputProblem, MAX_DEPTH } from "./input";
import { urlProblem } from "./url-guard";

describe("inputProblem", () => {
  it("accepts ordinary text, emoji (a surrogate pair) and shallow JSON", () => {
    expect(inputProblem({ a: ["x", 1, null, { b: "😀 café" }] })).toBeNull();
    expect(badText("😀")).toBeNull();
  });

  it("names the field holding NUL or a lone surrogate", () => {
    expect(inputProblem({ events: [{ payload: { note: "a\u0000" } }] })).toEqual({ path: "events[0].payload.note", message: "must not contain NUL characters" });
    expect(inputProblem({ tool: "\ud800" })?.path).toBe("tool");
    expect(inputProblem({ tool: "x\udc00" })?.path).toBe("tool");
    expect(inputProblem({ "k\u0000": 1 })?.message).toMatch(/key/);
  });

  it("refuses nesting deeper than 64 levels without overflowing its own stack", () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(inputProblem(v)?.message).toMatch(/nested more than 64/);
    let ok: unknown = 1;
    for (let i = 0; i < 60; i++) ok = { a: ok };
    expect(inputProblem(ok)).toBeNull();
  });

  it("draws the depth line where the exact walk does: 64 levels pass, 65 do not", () => {
    const nest = (n: number) => { let v: unknown = "leaf"; for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v]; return v; };
    expect(inputProblem(nest(MAX_DEPTH))).toBeNull();
    expect(inputProblem(nest(MAX_DEPTH + 1))?.message).toMatch(/nested more than 64/);
  });

  it("gives the exact walk's answer for any value (the allocation-free pre-check only skips it)", () => {
    // Strings from an alphabet rich in the characters that matter: NUL, high and low surrogates, a valid pair.
    const ch = fc.constantFrom("a", "é", "\u0000", "\ud800", "\udc00", "😀", "\udbff\udfff", " ");
    const text = fc.array(ch, { maxLength: 6 }).map((xs) => xs.join(""));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, text, fc.integer(), fc.constant(null), fc.boolean(), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(text, tie("value"), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 8 }), (v, depth) => {
        expect(inputProblem(v, depth)).toEqual(exactInputProblem(v, depth));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("urlProblem", () => {
  const u = (p: string) => urlProblem(new URL(`http://localhost${p}`));
  it("passes well-formed paths and queries", () => {
    expect(u("/api/v1/missions/TEST-01?q=caf%C3%A9+x&track=blue")).toBeNull();
    expect(u("/recipes/a%20b")).toBeNull();
  });
  it("refuses malformed percent-encoding and NUL, in the path or the query", () => {
    expect(u("/api/v1/missions/%ZZ")).toMatch(/percent-encoding/);
    expect(u("/x?q=%E0%A4%A")).toMatch(/percent-encoding/);
    expect(u("/x?q=%00")).toMatch(/NUL/);
    expect(u("/x/%00")).toMatch(/characters/);
  });
});
