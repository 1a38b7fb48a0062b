// Display labels for the closed vocabularies shown to users. Plain functions (no server or client
// imports) so server pages, client components and lib code can share them.

/** Tracks whose label is not just the capitalised value (acronyms). */
const TRACK_LABEL: Record<string, string> = { grc: "GRC" };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A track as shown to users: "grc" → "GRC", "defender" → "Defender". */
export function trackLabel(track: string): string {
  return TRACK_LABEL[track] ?? capitalise(track);
}

/** A track inside a sentence: lower case like other words, acronyms kept ("beginner GRC missions"). */
export function trackInSentence(track: string): string {
  return TRACK_LABEL[track] ?? track;
}

/** A tier as shown to users: "beginner" → "Beginner". */
export function tierLabel(tier: string): string {
  return capitalise(tier);
}

/** A count with its noun: "1 learner", "3 learners" (`many` for irregular plurals). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An English ordinal: 1st, 2nd, 3rd, 4th, 11th–13th, 21st, 22nd, 101st. */
export function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[Math.abs(n) % 10] ?? "th";
  return `${n}${suffix}`;
}

/** How long ago, in words: "just now", "12 min ago", "3 h ago", "2 days ago". */
export function timeAgo(d: Date, now = Date.now()): string {
  const m = Math.max(0, Math.round((now - d.getTime()) / 60000));
  return m < 1 ? "just now" : m < 60 ? `${m} min ago` : m < 60 * 24 ? `${Math.round(m / 60)} h ago` : `${Math.round(m / 1440)} days ago`;
}

/** A duration in milliseconds for people: "1 h 05 min", "4 min 10 s", "12 s", "3 d 4 h"; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
