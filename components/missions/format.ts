import type { Tone } from "@/components/ui";

export const titleCase = (s: string) => s.replace(/[-_]/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());

export const STATE_LABEL: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
  failed: "Failed",
  expired: "Expired",
};

export const STATE_TONE: Record<string, Tone> = {
  not_started: "slate",
  in_progress: "blue",
  submitted: "purple",
  in_review: "purple",
  approved: "green",
  changes_requested: "amber",
  failed: "red",
  expired: "red",
};

export const TIER_TONE: Record<string, Tone> = { beginner: "green", intermediate: "blue", advanced: "purple", mastery: "amber" };

export function formatDate(iso: string | Date | null | undefined) {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return d.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

export function formatMinutes(m: number) {
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r ? `${h} h ${r} min` : `${h} h`;
}

export function formatHours(h: number) {
  return h < 1 ? `${Math.round(h * 60)} min` : `${h % 1 === 0 ? h : h.toFixed(1)} h`;
}
