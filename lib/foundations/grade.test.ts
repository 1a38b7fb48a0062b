import { describe, expect, it } from "vitest";
import { gradeSelfCheck, passMark, publicQuestions } from "./grade";
import { FOUNDATIONS } from "@/lib/content/foundations";

const q = (id: string, right: string) => ({
  id,
  prompt: `Question ${id}?`,
  choices: ["a", "b", "c"].map((c) => ({ id: c, text: `Choice ${c}`, correct: c === right, feedback: c === right ? `Yes: ${c}.` : `No: ${c} is wrong.` })),
});
const five = [q("q1", "a"), q("q2", "b"), q("q3", "c"), q("q4", "a"), q("q5", "b")];

describe("Foundations self-check grading", () => {
  it("passes at 80% rounded up", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(passMark)).toEqual([1, 2, 3, 4, 4, 5, 8]);
  });

  it("gives each answer its own feedback and passes with four of five right", () => {
    const g = gradeSelfCheck(five, { q1: "a", q2: "b", q3: "c", q4: "a", q5: "c" });
    if ("problems" in g) throw new Error("unexpected problems");
    expect(g).toMatchObject({ correct: 4, total: 5, pass_mark: 4, passed: true });
    expect(g.results[4]).toEqual({ question_id: "q5", chosen: "c", correct: false, feedback: "No: c is wrong." });
    expect(g.results[0].feedback).toBe("Yes: a.");
  });

  it("fails with three right, and counts unanswered questions as wrong", () => {
    const g = gradeSelfCheck(five, { q1: "a", q2: "b", q3: "c" });
    if ("problems" in g) throw new Error("unexpected problems");
    expect(g.passed).toBe(false);
    expect(g.results[3]).toMatchObject({ chosen: null, correct: false, feedback: "Not answered." });
  });

  it("names an unknown question or choice instead of grading", () => {
    expect(gradeSelfCheck(five, { q9: "a", q1: "z" })).toEqual({ problems: { "answers.q9": "no such question in this module", "answers.q1": 'no such choice "z"' } });
  });

  it("never shows which choice is correct before answering", () => {
    expect(JSON.stringify(publicQuestions(five))).not.toMatch(/correct|feedback/);
  });

  it("self-check texts are plain text: the form shows them as written, so no markdown", () => {
    for (const m of FOUNDATIONS) for (const q of m.self_check ?? []) for (const t of [q.prompt, ...q.choices.flatMap((c) => [c.text, c.feedback])]) expect(t, `${m.slug}/${q.id}`).not.toMatch(/[*`_]{1,2}\w[^*`]*[*`_]{1,2}/);
  });

  it("every demo module has 10–30 minutes, real reading and a self-check of 4–6 questions", () => {
    for (const m of FOUNDATIONS) {
      expect(m.estimated_minutes, m.slug).toBeGreaterThanOrEqual(10);
      expect(m.estimated_minutes, m.slug).toBeLessThanOrEqual(30);
      expect((m.body ?? "").split(/\s+/).length, m.slug).toBeGreaterThan(600);
      expect(m.self_check?.length ?? 0, m.slug).toBeGreaterThanOrEqual(4);
      expect(m.self_check?.length ?? 0, m.slug).toBeLessThanOrEqual(6);
    }
  });
});
