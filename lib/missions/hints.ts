// Hints (SPEC §2): per stage, levels 1..n, each with text and a penalty. They unlock strictly in
// order; the text of a locked hint never leaves the server.

export interface StageHint {
  text: string;
  penalty: number;
}

export interface HintView {
  level: number;
  penalty: number;
  unlocked: boolean;
  /** Present only when unlocked. */
  text?: string;
}

/** The level the learner may unlock next (levels unlocked so far must be 1..k), or null when all are open. */
export function nextHintLevel(hints: readonly StageHint[], unlockedLevels: readonly number[]): number | null {
  const k = unlockedLevels.length;
  return k < hints.length ? k + 1 : null;
}

export type UnlockCheck = { ok: true; level: number; penalty: number; text: string } | { ok: false; reason: "no_hints" | "all_unlocked" | "out_of_order"; message: string };

/** May `requested` (default: the next level) be unlocked now? */
export function checkUnlock(hints: readonly StageHint[], unlockedLevels: readonly number[], requested?: number): UnlockCheck {
  if (hints.length === 0) return { ok: false, reason: "no_hints", message: "This stage has no hints." };
  const next = nextHintLevel(hints, unlockedLevels);
  if (next === null) return { ok: false, reason: "all_unlocked", message: "Every hint of this stage is already unlocked." };
  if (requested !== undefined && requested !== next) {
    return requested < next
      ? { ok: false, reason: "out_of_order", message: `Hint ${requested} is already unlocked; the next one is hint ${next}.` }
      : { ok: false, reason: "out_of_order", message: `Hints unlock in order: unlock hint ${next} first.` };
  }
  const h = hints[next - 1];
  return { ok: true, level: next, penalty: h.penalty, text: h.text };
}

export function penaltyTotal(unlocked: readonly { penalty: number }[]): number {
  return unlocked.reduce((sum, h) => sum + h.penalty, 0);
}

/** What a learner may see of a stage's hints: text only for unlocked levels. */
export function hintViews(hints: readonly StageHint[], unlockedLevels: readonly number[]): HintView[] {
  const open = new Set(unlockedLevels);
  return hints.map((h, i) => {
    const level = i + 1;
    return open.has(level) ? { level, penalty: h.penalty, unlocked: true, text: h.text } : { level, penalty: h.penalty, unlocked: false };
  });
}
