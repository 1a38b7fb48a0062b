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

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The decisions' effect on the score for the result screen: "none" when the learner made no
 * decision (a mission without decision points, or none reached), else signed ("+5", "−3", "±0").
 */
export function decisionAdjustment(delta: number, decisionsMade: number): { value: string; hint: string } {
  if (decisionsMade === 0) return { value: "none", hint: "No decisions on your path" };
  if (delta === 0) return { value: "±0", hint: "Your decisions did not change the score" };
  return { value: `${delta > 0 ? "+" : "−"}${points(Math.abs(delta))}`, hint: delta > 0 ? "Added to the score" : "Taken off the score" };
}

/** The hint penalty for the result screen: "none" without one, else "−4". */
export function hintAdjustment(penalty: number): { value: string; hint: string } {
  if (penalty <= 0) return { value: "none", hint: "No hint penalty" };
  return { value: `−${points(penalty)}`, hint: "Penalty points" };
}
