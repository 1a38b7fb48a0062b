import type { MissionContent } from "@/lib/content/schemas";

// Automated pre-score (SPEC §3 "Scoring"). Deterministic; a suggestion for the mentor, with reasons.
// NOTE: interface agreed between the learner flow (calls it on submit) and the review work (implements it).

export interface PrescoreInput {
  mission: MissionContent;
  /** Stage keys on the learner's path, in order. */
  path: string[];
  completions: { stageKey: string; notes: string; answer: string | null }[];
  evidence: { stageKey: string; kind: "file" | "link"; contentType: string | null }[];
  reflection: string | null;
}

export interface PrescoreItem {
  stage: string | null;
  rule: "evidence" | "answer" | "notes" | "reflection" | "objectives";
  points: number;
  max: number;
  verdict: "pass" | "partial" | "fail" | "n/a";
  reason: string;
}

export interface Prescore {
  /** 0–100, one decimal. */
  score: number;
  items: PrescoreItem[];
  /** Per stage answer verdicts, for the review screen. */
  answers: Record<string, { verdict: "correct" | "incorrect" | "partial" | "missing"; reason: string }>;
}

export function computePrescore(_input: PrescoreInput): Prescore {
  // Replaced by the review work (issue 5) with the real rules.
  return { score: 0, items: [], answers: {} };
}
