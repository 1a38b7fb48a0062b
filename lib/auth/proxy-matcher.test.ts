import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { config } from "@/proxy";

// Next's own compiler of matchers (internal, untyped), so the test checks what the server will run.
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matchers: string[], nextConfig: object) => { regexp: string }[];
};
const runsOn = (p: string) => getMiddlewareMatchers(config.matcher, {}).some((m) => new RegExp(m.regexp).test(p));

describe("where the proxy runs", () => {
  it("skips only the evidence upload path (its body must stream), named by a plain slug or uuid", () => {
    expect(runsOn("/api/v1/missions/TEST-01/evidence")).toBe(false);
    expect(runsOn("/api/v1/missions/0b1c2d3e-aaaa-4bbb-8ccc-123456789012/evidence")).toBe(false);
  });
  it("still runs on everything else, malformed upload paths and the evidence download included", () => {
    for (const p of ["/", "/missions/TEST-01/play", "/api/v1/missions/TEST-01", "/api/v1/missions/%ZZ/evidence", "/api/v1/missions/x%00/evidence", "/api/v1/missions/TEST-01/evidence/0b1c2d3e-aaaa-4bbb-8ccc-123456789012", "/api/v1/missions/a/b/evidence", "/api/v1/missions/TEST-01/evidencex"])
      expect([p, runsOn(p)]).toEqual([p, true]);
    expect(runsOn("/_next/static/chunks/app.js")).toBe(false);
  });
});
