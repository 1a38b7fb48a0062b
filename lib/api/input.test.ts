import { describe, expect, it } from "vitest";
import { badText, inputProblem } from "./input";
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
