import { describe, expect, it } from "vitest";
import { GET as health } from "./health/route";
import { GET as ready } from "./ready/route";

describe("health and readiness (outside /api/v1, no authentication)", () => {
  it("GET /api/health answers 200 without a session and says nothing else", async () => {
    const r = health();
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready answers 200 once the database is reachable and migrated, naming only its checks", async () => {
    const r = await ready();
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "applied", shutdown: "no" } });
  });
});
