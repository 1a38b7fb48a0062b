import { describe, expect, it } from "vitest";
import { missionSchema } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";
import { evidenceProblems, missingFields, REFLECTION_MIN_CHARS, stageCompletionProblems, submitChecklist, type ChecklistInput } from "./checklist";

const mission = missionSchema.parse(fixtureMission);
const reflection = "I learned to count failures per source before acting.";
const file = (stageKey: string) => ({ stageKey, kind: "file" as const });

function input(over: Partial<ChecklistInput>): ChecklistInput {
  return { mission, completed: new Set(), choices: new Map(), evidence: [], reflection: null, ...over };
}

describe("submit checklist", () => {
  it("is empty when the whole path is done", () => {
    const r = submitChecklist(
      input({ completed: new Set(["triage", "contain", "report"]), choices: new Map([["respond", "block"], ["detect-or-report", "report"]]), evidence: [file("triage")], reflection }),
    );
    expect(r).toEqual([]);
  });

  it("names every missing item on a fresh attempt: first stage, its evidence, the decision, the reflection", () => {
    const r = submitChecklist(input({}));
    expect(r.map((m) => m.field)).toEqual(["stages.triage", "evidence.triage", "decisions.respond", "reflection"]);
    expect(r[0].message).toBe('Complete the stage "Triage".');
    expect(r[1].message).toMatch(/attach 1 more evidence file/);
  });

  it("follows the learner's own path: the watch branch needs watch, not contain", () => {
    const r = submitChecklist(input({ completed: new Set(["triage"]), choices: new Map([["respond", "watch"]]), evidence: [file("triage")], reflection }));
    expect(r.map((m) => m.field)).toEqual(["stages.watch", "stages.detect", "stages.report"]);
  });

  it("stops at a decision not yet made", () => {
    const r = submitChecklist(input({ completed: new Set(["triage", "contain"]), choices: new Map([["respond", "block"]]), evidence: [file("triage")], reflection }));
    expect(r.map((m) => m.field)).toEqual(["decisions.detect-or-report"]);
  });

  it("notices evidence removed after a stage was completed", () => {
    const r = submitChecklist(input({ completed: new Set(["triage", "contain", "report"]), choices: new Map([["respond", "block"], ["detect-or-report", "report"]]), reflection }));
    expect(missingFields(r)).toEqual({ "evidence.triage": expect.stringContaining("Triage") });
  });

  it("requires a reflection only when the mission does, of a minimum length", () => {
    const done = { completed: new Set(["triage", "contain", "report"]), choices: new Map([["respond", "block"], ["detect-or-report", "report"]]), evidence: [file("triage")] };
    expect(submitChecklist(input({ ...done, reflection: "too short" })).map((m) => m.field)).toEqual(["reflection"]);
    expect(submitChecklist(input({ ...done, reflection: " ".repeat(REFLECTION_MIN_CHARS + 5) })).map((m) => m.field)).toEqual(["reflection"]);
    expect(submitChecklist(input({ ...done, mission: { ...mission, reflection_required: false } }))).toEqual([]);
  });

  it("skips optional stages the learner did not complete", () => {
    const m = missionSchema.parse({ ...fixtureMission, decisions: [], stages: fixtureMission.stages.map((s) => (s.key === "watch" ? { ...s, required: false } : s)) });
    const r = submitChecklist({ mission: m, completed: new Set(["triage", "contain", "detect", "report"]), choices: new Map(), evidence: [file("triage")], reflection });
    expect(r).toEqual([]);
  });

  it("treats success_criteria.required_stages as required even when the stage is optional", () => {
    const m = missionSchema.parse({
      ...fixtureMission,
      decisions: [],
      success_criteria: { required_stages: ["watch"] },
      stages: fixtureMission.stages.map((s) => (s.key === "watch" ? { ...s, required: false } : s)),
    });
    const r = submitChecklist({ mission: m, completed: new Set(["triage", "contain", "detect", "report"]), choices: new Map(), evidence: [file("triage")], reflection });
    expect(r.map((x) => x.field)).toEqual(["stages.watch"]);
  });
});

describe("evidence rule", () => {
  const rule = { required: true, min_files: 2, max_files: 3, kinds: ["text" as const] };
  it("counts files against min and max", () => {
    expect(evidenceProblems(rule, 0, 0)[0].message).toBe("attach 2 more evidence files (at least 2)");
    expect(evidenceProblems(rule, 2, 0)).toEqual([]);
    expect(evidenceProblems(rule, 4, 0)[0].message).toMatch(/at most 3/);
  });
  it("a required rule with min 0 still needs one file", () => {
    expect(evidenceProblems({ ...rule, min_files: 0 }, 0, 0)).toHaveLength(1);
  });
  it("asks for a link when links are required", () => {
    const r = { required: true, min_files: 0, max_files: 3, kinds: ["text" as const], links: { required: true, kinds: ["repository" as const] } };
    expect(evidenceProblems(r, 0, 0)).toEqual([{ item: "links", message: "add a link (repository)" }]);
    expect(evidenceProblems(r, 0, 1)).toEqual([]);
  });
  it("optional evidence needs nothing", () => {
    expect(evidenceProblems({ required: false, min_files: 0, max_files: 10, kinds: [] }, 0, 0)).toEqual([]);
  });
});

describe("stage completion", () => {
  const stage = { notes_min_chars: 10, evidence: { required: true, min_files: 1, max_files: 3, kinds: ["text" as const] } };
  it("needs notes of the minimum length and the evidence", () => {
    expect(stageCompletionProblems(stage, { notes: "  short  ", files: 0, links: 0 })).toEqual({
      notes: "Write at least 10 characters of notes (you have 5).",
      evidence: "Attach 1 more evidence file (at least 1) before completing this stage.",
    });
    expect(stageCompletionProblems(stage, { notes: "long enough notes", files: 1, links: 0 })).toEqual({});
  });
});
