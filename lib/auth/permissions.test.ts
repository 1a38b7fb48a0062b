import { describe, expect, it } from "vitest";
import { can, HOME, NAV, PERMISSIONS } from "./permissions";
import { ROLES } from "@/lib/db/schema/enums";

describe("permission map", () => {
  it("lets only admins manage content, users and exports", () => {
    for (const p of ["content:manage", "users:manage", "telemetry:export"] as const) {
      expect(ROLES.filter((r) => can(r, p))).toEqual(["admin"]);
    }
  });

  it("keeps learners out of reviews, analytics and enterprise dashboards", () => {
    for (const p of ["reviews:queue", "reviews:write", "analytics:read", "enterprise:dashboard", "exceptions:grant", "assignments:create"] as const) {
      expect(can("learner", p)).toBe(false);
    }
  });

  it("makes enterprise viewers read-only: they cannot play, review or author", () => {
    for (const p of ["missions:play", "reviews:write", "content:manage", "assignments:create", "foundations:complete"] as const) {
      expect(can("enterprise", p)).toBe(false);
    }
    expect(can("enterprise", "enterprise:dashboard")).toBe(true);
  });

  it("lets mentors review and assign but not manage content", () => {
    expect(can("mentor", "reviews:write")).toBe(true);
    expect(can("mentor", "assignments:create")).toBe(true);
    expect(can("mentor", "content:manage")).toBe(false);
  });

  it("gives every role a home that its own navigation links to", () => {
    for (const r of ROLES) expect(NAV[r].map((n) => n.href)).toContain(HOME[r]);
  });

  it("names only real roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});
