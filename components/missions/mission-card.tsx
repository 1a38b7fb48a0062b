import Link from "next/link";
import type { CatalogueItem } from "@/lib/catalogue/list";
import { Badge, cx } from "@/components/ui";
import { ClockIcon, LockIcon } from "./icons";
import { STATE_LABEL, STATE_TONE, TIER_TONE, formatDate, formatHours, formatMinutes, titleCase } from "./format";
import { tierLabel, trackLabel } from "@/lib/labels";

/** One mission in the dashboard or catalogue: state, lock reason, assignment and deadline. */
export function MissionCard({ m, inBoard = false, tierLocked = false }: { m: CatalogueItem; inBoard?: boolean; tierLocked?: boolean }) {
  const warning = m.progress?.deadline_warning;
  return (
    <li className={cx("flex flex-col rounded-xl border bg-white p-4 shadow-sm", m.locked ? "border-slate-200 bg-slate-50" : "border-slate-200")}>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono font-semibold text-slate-500">{m.code}</span>
        <Badge tone={TIER_TONE[m.tier]}>{tierLabel(m.tier)}</Badge>
        <Badge tone="slate">{trackLabel(m.track)}</Badge>
        {m.state !== "not_started" && <Badge tone={STATE_TONE[m.state]}>{STATE_LABEL[m.state]}</Badge>}
        {m.mission_status !== "published" && <Badge tone="amber">{titleCase(m.mission_status)}</Badge>}
      </div>
      <h3 className="mt-2 font-semibold text-slate-900">
        <Link href={`/missions/${m.code}`} className="hover:underline focus-visible:underline">
          {m.title}
        </Link>
      </h3>
      {m.summary && <p className="mt-1 line-clamp-3 text-sm text-slate-600">{m.summary}</p>}
      <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="sr-only">Estimated time</dt>
          <dd>≈ {formatMinutes(m.estimated_minutes)}</dd>
        </div>
        {m.time_constraint_hours ? (
          <div>
            <dt className="sr-only">Time limit</dt>
            <dd className="inline-flex items-center gap-1"><ClockIcon /> {formatHours(m.time_constraint_hours)} limit</dd>
          </div>
        ) : null}
        {!m.enrolled && !inBoard && (
          <div>
            <dt className="sr-only">Enrolment</dt>
            <dd className="text-amber-800">Not enrolled in {trackLabel(m.track)}</dd>
          </div>
        )}
      </dl>
      {/* Once passed, an assignment is done: no "due" line on an approved mission. */}
      {m.assigned && m.state !== "approved" && (
        <p className={cx("mt-2 text-sm font-medium", m.assigned.overdue ? "text-red-700" : "text-slate-800")}>
          Assigned{m.assigned.due_at ? ` · due ${formatDate(m.assigned.due_at)}` : ""}
          {m.assigned.overdue ? " · overdue" : ""}
        </p>
      )}
      {m.progress?.deadline_at && (m.state === "in_progress" || m.state === "changes_requested") && (
        <p className={cx("mt-1 text-sm", warning === "tenth" ? "font-semibold text-red-700" : warning === "quarter" ? "font-medium text-amber-800" : "text-slate-700")}>
          Deadline {formatDate(m.progress.deadline_at)}
        </p>
      )}
      {m.locked && tierLocked ? (
        <p className="mt-3 inline-flex items-center gap-1.5 text-sm text-slate-600">
          <LockIcon /> Locked<span className="sr-only">: {m.lock_reason}</span>
        </p>
      ) : m.locked ? (
        <p className="mt-3 flex items-start gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          <LockIcon className="mt-0.5 shrink-0" />
          <span>
            <span className="sr-only">Locked: </span>
            {m.lock_reason}
          </span>
        </p>
      ) : (
        <div className="mt-auto pt-3">
          <Link
            href={m.state === "in_progress" || m.state === "changes_requested" ? `/missions/${m.code}/play` : `/missions/${m.code}`}
            className="text-sm font-medium text-brand-700 hover:underline"
            aria-label={`${m.state === "in_progress" || m.state === "changes_requested" ? "Resume" : "Open"} ${m.code} ${m.title}`}
          >
            {m.state === "in_progress" || m.state === "changes_requested" ? "Resume →" : m.state === "not_started" ? "View mission →" : "View →"}
          </Link>
          {m.exception && <span className="ml-2 text-xs text-slate-500">(opened by an exception)</span>}
        </div>
      )}
    </li>
  );
}
