// Small display helpers shared by the review and portfolio screens (client and server).

export function waitingText(seconds: number): string {
  if (seconds < 60) return "just now";
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} days`;
}

export const OUTCOME_LABEL: Record<string, string> = {
  approved: "Approved",
  changes_requested: "Changes requested",
  failed: "Failed",
};

export const OUTCOME_TONE: Record<string, "green" | "amber" | "red"> = {
  approved: "green",
  changes_requested: "amber",
  failed: "red",
};

export function titleCase(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, " ");
}

export function formatBytes(n: number | null | undefined): string {
  if (n == null) return "";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
