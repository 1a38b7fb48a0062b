import type { AnswerCheck, MissionContent, StageContent } from "@/lib/content/schemas";
import { countOf } from "@/lib/labels";

// Automated pre-score (SPEC §3 "Scoring"). Deterministic; a suggestion for the mentor, with reasons.
// NOTE: interface agreed between the learner flow (calls it on submit) and the review work (implements it).
//
// Points per rule (only stages on the learner's path count):
//   evidence    10 per stage whose rule asks for something (required, min_files > 0 or a required link)
//   answer      10 per stage with an answer check (exact / regex / set, compared normalised)
//   notes        5 per stage with notes_min_chars > 0
//   reflection  10 (full at REFLECTION_FULL_CHARS characters, proportional below)
//   objectives  10 (share of the mission's objectives whose keywords appear in the reflection and notes)
// Score = Σ points / Σ max × 100, one decimal. Rules that do not apply are listed as "n/a" with max 0.

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
  /** Version of these rules, so a stored pre-score can be told apart from a later rule set. */
  rules_version?: number;
}

export const PRESCORE_POINTS = { evidence: 10, answer: 10, notes: 5, reflection: 10, objectives: 10 } as const;
export const REFLECTION_FULL_CHARS = 300;
export const REFLECTION_MIN_CHARS = 80;

const round1 = (x: number) => Math.round((x + Number.EPSILON) * 10) / 10;

// ---------------------------------------------------------------- normalisation

/**
 * Refangs defanged indicators and normalises case and whitespace, so that `hxxps://evil[.]example`,
 * `EVIL(.)example` and ` evil.example ` compare equal to their plain forms.
 */
export function normaliseIndicator(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^["'`]+|["'`]+$/g, "")
    .replace(/\bhxxp(s?)\b/g, "http$1")
    .replace(/\bfxp\b/g, "ftp")
    .replace(/\[:\/\/\]/g, "://")
    .replace(/[[({]\s*(?:\.|dot)\s*[\])}]/g, ".")
    .replace(/[[({]\s*:\s*[\])}]/g, ":")
    .replace(/[[({]\s*(?:at|@)\s*[\])}]/g, "@")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits a list answer ("admin, root; oracle\nubuntu") into normalised, distinct values. */
export function splitValues(raw: string): string[] {
  return [...new Set(raw.split(/[,;\n\r\t]+|\s+(?:and|&)\s+|\s+/i).map(normaliseIndicator).filter(Boolean))];
}

export type AnswerVerdict = Prescore["answers"][string];

export function checkAnswer(check: AnswerCheck, answer: string | null | undefined): AnswerVerdict & { fraction: number } {
  if (answer == null || answer.trim() === "") return { verdict: "missing", fraction: 0, reason: "No answer given." };
  const given = normaliseIndicator(answer);
  switch (check.kind) {
    case "exact": {
      const ok = given === normaliseIndicator(check.value);
      return ok
        ? { verdict: "correct", fraction: 1, reason: `Matches the expected answer (compared ignoring case, spacing and defanging).` }
        : { verdict: "incorrect", fraction: 0, reason: `"${answer.trim()}" does not match the expected answer.` };
    }
    case "regex": {
      let re: RegExp;
      try {
        re = new RegExp(check.pattern, "i");
      } catch {
        return { verdict: "missing", fraction: 0, reason: "The mission's answer pattern is not a valid regular expression; check by hand." };
      }
      const candidates = [answer.trim(), given];
      const ok = candidates.some((c) => re.test(c));
      return ok
        ? { verdict: "correct", fraction: 1, reason: "Matches the expected answer pattern." }
        : { verdict: "incorrect", fraction: 0, reason: `"${answer.trim()}" does not match the expected answer pattern.` };
    }
    case "set": {
      const expected = [...new Set(check.values.map(normaliseIndicator))];
      const values = new Set(splitValues(answer));
      const needed = Math.min(check.min_matches ?? expected.length, expected.length);
      const found = expected.filter((v) => values.has(v));
      const extra = [...values].filter((v) => !expected.includes(v));
      const extraText = extra.length ? ` Also listed, not expected: ${extra.slice(0, 5).join(", ")}${extra.length > 5 ? "…" : ""}.` : "";
      if (found.length >= needed)
        return { verdict: "correct", fraction: 1, reason: `Gives ${found.length} of the ${expected.length} expected values (${needed} needed).${extraText}` };
      if (found.length > 0)
        return {
          verdict: "partial",
          fraction: found.length / needed,
          reason: `Gives ${found.length} of the ${needed} expected values needed; missing ${expected.length - found.length}.${extraText}`,
        };
      return { verdict: "incorrect", fraction: 0, reason: `None of the expected values found.${extraText}` };
    }
  }
}

// ---------------------------------------------------------------- evidence

export type EvidenceKind = StageContent["evidence"]["kinds"][number];

/** The evidence kind of a stored file, from its (sniffed) content type. */
export function kindOfContentType(contentType: string | null): EvidenceKind | null {
  if (!contentType) return null;
  const t = contentType.toLowerCase().split(";")[0].trim();
  if (t.startsWith("image/")) return "image";
  if (t === "application/pdf") return "pdf";
  if (t === "text/csv") return "csv";
  if (t === "application/json" || t.endsWith("+json")) return "json";
  if (t.includes("pcap") || t === "application/vnd.tcpdump.pcap") return "pcap";
  if (t === "application/zip" || t === "application/x-zip-compressed") return "zip";
  if (t.startsWith("text/")) return "text";
  return null;
}

function evidenceItem(stage: StageContent, files: PrescoreInput["evidence"], links: PrescoreInput["evidence"]): PrescoreItem {
  const rule = stage.evidence;
  const minFiles = Math.max(rule.min_files, rule.required && !rule.links?.required ? 1 : 0);
  const needsLink = Boolean(rule.links?.required);
  const counted = `${countOf(files.length, "file")}${links.length ? ` and ${countOf(links.length, "link")}` : ""} attached`;
  if (minFiles === 0 && !needsLink) {
    return { stage: stage.key, rule: "evidence", points: 0, max: 0, verdict: "n/a", reason: `No evidence required; ${counted}.` };
  }
  const max = PRESCORE_POINTS.evidence;
  const problems: string[] = [];
  let fraction = 1;
  if (minFiles > 0 && files.length < minFiles) {
    fraction = files.length / minFiles;
    problems.push(`needs at least ${countOf(minFiles, "file")}, has ${files.length}`);
  }
  const wrongKind = files.filter((f) => {
    const k = kindOfContentType(f.contentType);
    return !k || !rule.kinds.includes(k);
  });
  if (wrongKind.length > 0) {
    fraction = Math.min(fraction, (files.length - wrongKind.length) / Math.max(files.length, minFiles, 1));
    problems.push(`${countOf(wrongKind.length, "file")} not of an accepted kind (${rule.kinds.join(", ")})`);
  }
  if (files.length > rule.max_files) problems.push(`more than the ${rule.max_files} files allowed`);
  if (needsLink && links.length === 0) {
    fraction = minFiles > 0 ? fraction / 2 : 0;
    problems.push(`needs a link (${rule.links!.kinds.join(", ")})`);
  }
  const points = round1(max * Math.max(0, Math.min(1, fraction)));
  if (problems.length === 0) return { stage: stage.key, rule: "evidence", points: max, max, verdict: "pass", reason: `Evidence rule met: ${counted}.` };
  return {
    stage: stage.key,
    rule: "evidence",
    points,
    max,
    verdict: points > 0 ? "partial" : "fail",
    reason: `Evidence rule not fully met: ${problems.join("; ")} (${counted}).`,
  };
}

// ---------------------------------------------------------------- objectives

const STOPWORDS = new Set(
  "a an the and or but of to in on at by for from with without into onto over under about as is are was were be been being this that these those it its their there which who whom whose what when where why how all any each every both either neither not no nor only own same so than too very can will just should would could may might must shall do does did done have has had having your you our we they them his her then also such while after before during between through against".split(
    " ",
  ),
);

/** Content words of a text, reduced to a crude stem (first 6 letters) so "contain" ~ "containment". */
export function keywords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/[\s-]+/)
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w));
  return [...new Set(words.map((w) => w.slice(0, 6)))];
}

/** Whether the learner's text covers an objective: at least 40% of its keywords appear (at least one). */
export function objectiveCovered(objective: string, textStems: ReadonlySet<string>): { covered: boolean; found: number; total: number } {
  const kw = keywords(objective);
  if (kw.length === 0) return { covered: true, found: 0, total: 0 };
  const found = kw.filter((k) => textStems.has(k)).length;
  return { covered: found >= Math.max(1, Math.ceil(kw.length * 0.4)), found, total: kw.length };
}

// ---------------------------------------------------------------- the pre-score

export function computePrescore(input: PrescoreInput): Prescore {
  const { mission } = input;
  const items: PrescoreItem[] = [];
  const answers: Prescore["answers"] = {};
  const completions = new Map(input.completions.map((c) => [c.stageKey, c]));
  const stages = new Map(mission.stages.map((s) => [s.key, s]));

  for (const key of input.path) {
    const stage = stages.get(key);
    if (!stage) continue;
    const done = completions.get(key);

    const ev = input.evidence.filter((e) => e.stageKey === key);
    items.push(
      evidenceItem(
        stage,
        ev.filter((e) => e.kind === "file"),
        ev.filter((e) => e.kind === "link"),
      ),
    );

    if (stage.answer) {
      const r = checkAnswer(stage.answer, done?.answer);
      const verdict = done ? r : { verdict: "missing" as const, fraction: 0, reason: "Stage not completed; no answer." };
      answers[key] = { verdict: verdict.verdict, reason: verdict.reason };
      const max = PRESCORE_POINTS.answer;
      items.push({
        stage: key,
        rule: "answer",
        points: round1(max * verdict.fraction),
        max,
        verdict: verdict.verdict === "correct" ? "pass" : verdict.verdict === "partial" ? "partial" : "fail",
        reason: verdict.reason,
      });
    }

    if (stage.notes_min_chars > 0) {
      const len = (done?.notes ?? "").trim().length;
      const max = PRESCORE_POINTS.notes;
      const fraction = Math.min(1, len / stage.notes_min_chars);
      items.push({
        stage: key,
        rule: "notes",
        points: round1(max * fraction),
        max,
        verdict: fraction >= 1 ? "pass" : len > 0 ? "partial" : "fail",
        reason:
          fraction >= 1
            ? `Notes are ${len} characters (at least ${stage.notes_min_chars} asked).`
            : `Notes are ${len} characters; the stage asks for at least ${stage.notes_min_chars}.`,
      });
    }
  }

  // Reflection length.
  const reflection = (input.reflection ?? "").trim();
  if (!mission.reflection_required && reflection.length === 0) {
    items.push({ stage: null, rule: "reflection", points: 0, max: 0, verdict: "n/a", reason: "No reflection asked for, none written." });
  } else {
    const len = reflection.length;
    const max = PRESCORE_POINTS.reflection;
    const fraction = Math.min(1, len / REFLECTION_FULL_CHARS);
    items.push({
      stage: null,
      rule: "reflection",
      points: round1(max * fraction),
      max,
      verdict: fraction >= 1 ? "pass" : len >= REFLECTION_MIN_CHARS ? "partial" : "fail",
      reason:
        len === 0
          ? "No reflection written."
          : fraction >= 1
            ? `Reflection is ${len} characters (full marks from ${REFLECTION_FULL_CHARS}).`
            : `Reflection is ${len} characters; full marks from ${REFLECTION_FULL_CHARS}.`,
    });
  }

  // Coverage of the objectives, by keyword overlap with what the learner wrote.
  const written = [reflection, ...input.completions.filter((c) => input.path.includes(c.stageKey)).map((c) => c.notes)].join("\n");
  const stems = new Set(keywords(written));
  const coverage = mission.objectives.map((o) => ({ objective: o, ...objectiveCovered(o, stems) }));
  const covered = coverage.filter((c) => c.covered);
  const missed = coverage.filter((c) => !c.covered);
  const maxObj = PRESCORE_POINTS.objectives;
  const objFraction = mission.objectives.length ? covered.length / mission.objectives.length : 1;
  items.push({
    stage: null,
    rule: "objectives",
    points: round1(maxObj * objFraction),
    max: maxObj,
    verdict: objFraction >= 1 ? "pass" : covered.length > 0 ? "partial" : "fail",
    reason:
      `The reflection and notes touch ${covered.length} of ${mission.objectives.length} objectives (keyword overlap).` +
      (missed.length ? ` Not mentioned: ${missed.map((m) => `"${m.objective}"`).join("; ")}.` : ""),
  });

  const max = items.reduce((s, i) => s + i.max, 0);
  const points = items.reduce((s, i) => s + i.points, 0);
  const score = max > 0 ? round1(Math.min(100, Math.max(0, (points / max) * 100))) : 0;
  return { score, items, answers, rules_version: 1 };
}
