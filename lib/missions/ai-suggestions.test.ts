import { describe, expect, it } from "vitest";
import { parseSuggestions } from "./ai-suggestions";

const criteria = [
  { key: "triage", stage: "triage", title: "Triage", description: "", weight: 1, skills: [], levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 2, label: "Good", descriptor: "+" }] },
  { key: "report", stage: "report", title: "Report", description: "", weight: 1, skills: [], levels: [{ points: 0, label: "Missing", descriptor: "-" }, { points: 2, label: "Good", descriptor: "+" }] },
] as never;
const ctx = { criteria, evidence: [{ id: "e1", stage: "triage", name: "a.log", text: "x" }], path: ["triage", "report"] };

describe("parseSuggestions", () => {
  it("keeps suggestions that fit the rubric, by level index or label, and drops what does not", () => {
    const reply = JSON.stringify({
      suggestions: [
        { criterion: "triage", level: 1, remark: "Right IP.", evidence: [{ evidence_id: "e1", quote: "203.0.113.45 40 failures" }, { evidence_id: "other", quote: "made up" }] },
        { criterion: "report", level: "missing", remark: "No brief.", evidence: [{ stage: "report", quote: "n/a" }] },
        { criterion: "triage", level: 0, remark: "duplicate" },
        { criterion: "unknown", level: 0, remark: "?" },
        { criterion: "report", level: 7, remark: "no such level" },
      ],
    });
    const s = parseSuggestions("Here you go:\n```json\n" + reply + "\n```", ctx)!;
    expect(s).toEqual([
      { criterion: "triage", level: 1, remark: "Right IP.", evidence: [{ evidence_id: "e1", quote: "203.0.113.45 40 failures" }] },
      { criterion: "report", level: 0, remark: "No brief.", evidence: [{ stage: "report", quote: "n/a" }] },
    ]);
  });
  it("is null for a reply that is not the JSON asked for", () => {
    expect(parseSuggestions("I cannot help with that.", ctx)).toBeNull();
    expect(parseSuggestions('{"score": 3}', ctx)).toBeNull();
  });
});
