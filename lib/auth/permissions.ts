import type { Role } from "@/lib/db/schema/enums";

// Actions by name, roles mapped to them, checked first thing in every handler and action.
// Ownership (whose progress, which cohort) is checked in the query layer on top of this.
export const PERMISSIONS = {
  "profile:read": ["learner", "mentor", "admin", "enterprise"],
  "tokens:manage": ["learner", "mentor", "admin", "enterprise"],
  "catalogue:read": ["learner", "mentor", "admin", "enterprise"],
  "recipes:read": ["learner", "mentor", "admin", "enterprise"],
  "foundations:complete": ["learner", "mentor", "admin"],
  "tracks:enroll": ["learner", "mentor", "admin"],
  "missions:play": ["learner", "mentor", "admin"],
  "recipes:track": ["learner", "mentor", "admin"],
  "telemetry:ingest": ["learner", "mentor", "admin", "enterprise"],
  "portfolio:own": ["learner", "mentor", "admin"],
  "reviews:queue": ["mentor", "admin"],
  "reviews:write": ["mentor", "admin"],
  "reviews:moderate": ["admin"],
  "assignments:create": ["mentor", "admin"],
  "assignments:read": ["learner", "mentor", "admin", "enterprise"],
  "exceptions:grant": ["mentor", "admin"],
  "analytics:read": ["mentor", "admin", "enterprise"],
  "recipes:analytics": ["mentor", "admin"],
  "enterprise:dashboard": ["admin", "enterprise"],
  "content:manage": ["admin"],
  "users:manage": ["admin"],
  "telemetry:export": ["admin"],
  "jobs:run": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
  learner: "/dashboard",
  mentor: "/review",
  admin: "/admin/analytics",
  enterprise: "/enterprise",
};

export const NAV: Record<Role, { href: string; label: string }[]> = {
  learner: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/foundations", label: "Foundations" },
    { href: "/recipes", label: "Recipes" },
    { href: "/portfolio", label: "Portfolio" },
  ],
  mentor: [
    { href: "/review", label: "Review queue" },
    { href: "/analytics", label: "Analytics" },
    { href: "/missions", label: "Missions" },
    { href: "/recipes", label: "Recipes" },
  ],
  admin: [
    { href: "/admin/analytics", label: "Analytics" },
    { href: "/admin/studio", label: "Studio" },
    { href: "/admin/content", label: "Content" },
    { href: "/admin/users", label: "Users & cohorts" },
    { href: "/admin/jobs", label: "Jobs" },
    { href: "/review", label: "Review queue" },
    { href: "/admin/calibration", label: "Calibration" },
  ],
  enterprise: [{ href: "/enterprise", label: "Cohorts" }],
};
