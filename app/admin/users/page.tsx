import type { Metadata } from "next";
import { Suspense } from "react";
import { requireRole } from "@/lib/auth/session";
import { Badge, Card, EmptyState, PageHeader, Skeleton, inputClass, type Tone } from "@/components/ui";
import { AdminForm } from "@/components/admin/admin-form";
import { DataTable } from "@/components/analytics/parts";
import { cohortsWithMentors, listOrganisations, listUsers } from "@/lib/db/queries/cohorts";
import { AccountActiveButton } from "@/components/admin/account-active-button";
import { listAssignments } from "@/lib/assignments/list";
import { filterOptions } from "@/lib/analytics/options";
import type { Caller } from "@/lib/auth/session";
import { ROLES } from "@/lib/db/schema/enums";
import { addMemberAction, assignMentorAction, assignMissionAction, createCohortAction, grantExceptionAction, setUnlockThresholdAction } from "./actions";
import { unlockThreshold } from "@/lib/catalogue/gating";

export const metadata: Metadata = { title: "Users & cohorts" };

const ROLE_TONE: Record<string, Tone> = { admin: "purple", mentor: "blue", enterprise: "amber", learner: "slate" };
const day = (d: string | null) => (d ? new Date(d).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "—");

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const role = typeof sp.role === "string" ? sp.role : "";
  const [orgs, cohorts, options, threshold] = await Promise.all([listOrganisations(), cohortsWithMentors(), filterOptions({ caller }), unlockThreshold()]);
  const cohortOptions = cohorts.map((c) => ({ value: c.slug, label: `${c.name} (${c.organisation})` }));
  const missionOptions = options.missions.map((m) => ({ value: m.code, label: `${m.code} — ${m.title}` }));
  return (
    <>
      <PageHeader title="Users, cohorts and mentors" description="Create cohorts, add learners, assign mentors and missions, and grant exceptions to gating." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="text-lg font-semibold">Cohorts</h2>
            {cohorts.length ? (
              <DataTable
                caption="Cohorts"
                head={["Cohort", "Organisation", "Members", "Mentors"]}
                numeric={[2]}
                rows={cohorts.map((c) => [<span key="c">{c.name}<span className="block text-xs text-slate-500">{c.slug}</span></span>, c.organisation, c.members, c.mentors ?? <span key="m" className="text-amber-800">no mentor</span>])}
              />
            ) : (
              <EmptyState title="No cohorts yet">Create the first one with the form on this page.</EmptyState>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Users</h2>
            <form method="get" className="mt-3 flex flex-wrap items-end gap-2" aria-label="Search users">
              <div className="min-w-48 flex-1">
                <label htmlFor="u-q" className="block text-xs font-medium text-slate-700">Name or email</label>
                <input id="u-q" name="q" defaultValue={q} className={inputClass} />
              </div>
              <div>
                <label htmlFor="u-role" className="block text-xs font-medium text-slate-700">Role</label>
                <select id="u-role" name="role" defaultValue={role} className={inputClass}>
                  <option value="">All roles</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>{r}</option>
                  ))}
                </select>
              </div>
              <button type="submit" className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50">Search</button>
            </form>
            <Suspense key={`${q}-${role}`} fallback={<Skeleton className="mt-4 h-64" />}>
              <UserTable q={q} role={role} caller={caller} />
            </Suspense>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Assignments</h2>
            <Suspense fallback={<Skeleton className="mt-4 h-40" />}>
              <AssignmentTable caller={caller} />
            </Suspense>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <h2 id="unlock-title" className="text-lg font-semibold">Tier unlocking</h2>
            <p className="mb-3 mt-1 text-sm text-slate-600">A tier of a track unlocks after this many passed missions of the tier before it. Now: <strong>{threshold}</strong>.</p>
            <AdminForm id="unlock" action={setUnlockThresholdAction} submit="Save" fields={[{ name: "threshold", label: "Passed missions needed", kind: "text", placeholder: String(threshold), hint: "A whole number from 0 to 20.", required: true }]} />
          </Card>
          <Card>
            <h2 id="new-cohort-title" className="mb-3 text-lg font-semibold">New cohort</h2>
            <AdminForm
              id="new-cohort"
              action={createCohortAction}
              submit="Create cohort"
              fields={[
                { name: "organisation", label: "Organisation", kind: "select", options: orgs.map((o) => ({ value: o.slug, label: o.name })), required: true },
                { name: "name", label: "Name", kind: "text", placeholder: "Northwind SOC Academy 2027", required: true },
                { name: "slug", label: "Slug", kind: "text", placeholder: "northwind-soc-2027", hint: "Used in links; lowercase and dashes.", required: true },
                { name: "starts_on", label: "Starts on", kind: "date" },
              ]}
            />
          </Card>
          <Card>
            <h2 id="add-member-title" className="mb-3 text-lg font-semibold">Add a learner to a cohort</h2>
            <AdminForm
              id="add-member"
              action={addMemberAction}
              submit="Add learner"
              fields={[
                { name: "cohort", label: "Cohort", kind: "select", options: cohortOptions, required: true },
                { name: "learner", label: "Learner email", kind: "email", required: true },
              ]}
            />
          </Card>
          <Card>
            <h2 id="assign-mentor-title" className="mb-3 text-lg font-semibold">Assign a mentor</h2>
            <AdminForm
              id="assign-mentor"
              action={assignMentorAction}
              submit="Assign mentor"
              fields={[
                { name: "mentor", label: "Mentor email", kind: "email", required: true },
                { name: "cohort", label: "To a cohort", kind: "select", options: cohortOptions, empty: "— or enter a learner below —" },
                { name: "learner", label: "Or to one learner (email)", kind: "email" },
              ]}
            />
          </Card>
          <Card>
            <h2 id="assign-mission-title" className="mb-3 text-lg font-semibold">Assign a mission</h2>
            <AdminForm
              id="assign-mission"
              action={assignMissionAction}
              submit="Assign mission"
              fields={[
                { name: "mission", label: "Mission", kind: "select", options: missionOptions, required: true },
                { name: "cohort", label: "To a cohort", kind: "select", options: cohortOptions, empty: "— or enter a learner below —" },
                { name: "learner", label: "Or to one learner (email)", kind: "email" },
                { name: "due_at", label: "Due date", kind: "date", hint: "Optional. Due at the end of that day (UTC)." },
              ]}
            />
          </Card>
          <Card>
            <h2 id="grant-exception-title" className="mb-3 text-lg font-semibold">Grant an exception</h2>
            <p className="mb-3 text-sm text-slate-600">Lets one learner start one locked mission. Recorded with your name and the reason.</p>
            <AdminForm
              id="grant-exception"
              action={grantExceptionAction}
              submit="Grant access"
              fields={[
                { name: "learner", label: "Learner email", kind: "email", required: true },
                { name: "mission", label: "Mission", kind: "select", options: missionOptions, required: true },
                { name: "reason", label: "Reason", kind: "textarea", placeholder: "Holds GCIH; skip the beginner tier.", required: true },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}

async function UserTable({ q, role, caller }: { q: string; role: string; caller: Caller }) {
  const users = await listUsers({ q: q || undefined, role: role || undefined });
  if (!users.length) return <EmptyState title="No users match">Try another name, email or role.</EmptyState>;
  return (
    <DataTable
      caption="Users"
      head={["Name", "Role", "Organisation", "Cohorts", "Mentors", "Account"]}
      rows={users.map((u) => [
        <span key="n">{u.name}<span className="block text-xs text-slate-500">{u.email}</span></span>,
        <span key="r" className="flex flex-wrap gap-1">
          <Badge tone={ROLE_TONE[u.role] ?? "slate"}>{u.role}</Badge>
          {u.deactivated && <Badge tone="red">deactivated</Badge>}
        </span>,
        u.organisation ?? "—",
        u.cohorts ?? "—",
        u.role === "learner" ? (u.mentors ?? <span key="m" className="text-amber-800">none</span>) : "—",
        u.id === caller.id ? "you" : <AccountActiveButton key="a" id={u.id} name={u.name} deactivated={u.deactivated} />,
      ])}
    />
  );
}

async function AssignmentTable({ caller }: { caller: Caller }) {
  const list = await listAssignments({ caller });
  if (!list.length) return <EmptyState title="No assignments yet">Assign a mission to a cohort or a learner with the form on this page.</EmptyState>;
  return (
    <DataTable
      caption="Assignments"
      head={["Mission", "For", "Due", "Done", ""]}
      numeric={[3]}
      rows={list.map((a) => [
        `${a.mission.code} — ${a.mission.title}`,
        a.cohort ? a.cohort.name : (a.learner?.name ?? "—"),
        day(a.due_at),
        "done" in a ? `${a.done} / ${a.targets}` : "—",
        a.overdue ? <Badge key="o" tone="red">Overdue</Badge> : "",
      ])}
    />
  );
}
