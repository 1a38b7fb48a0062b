import type { SelfCheckQuestion } from "@/lib/content/schemas";

// Grading a Foundations self-check (pure). The correct choices never leave the server: the
// learner gets, per question, whether their choice was right and that choice's feedback.

/** Questions needed to pass: 80% rounded up (4 of 5, 3 of 4, every one of 3 or fewer). */
export function passMark(total: number): number {
  return Math.ceil(total * 0.8);
}

export interface SelfCheckResult {
  question_id: string;
  chosen: string | null;
  correct: boolean;
  feedback: string;
}

export interface SelfCheckGrade {
  results: SelfCheckResult[];
  correct: number;
  total: number;
  pass_mark: number;
  passed: boolean;
}

/**
 * Grades answers (question id → choice id). Unanswered questions count as wrong. Returns the
 * field problems instead when an answer names a question or choice the module does not have.
 */
export function gradeSelfCheck(questions: SelfCheckQuestion[], answers: Record<string, string>): SelfCheckGrade | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [qid, cid] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) problems[`answers.${qid}`] = "no such question in this module";
    else if (!q.choices.some((c) => c.id === cid)) problems[`answers.${qid}`] = `no such choice "${cid}"`;
  }
  if (Object.keys(problems).length) return { problems };
  const results = questions.map((q): SelfCheckResult => {
    const chosen = answers[q.id] ?? null;
    const choice = q.choices.find((c) => c.id === chosen);
    if (!choice) return { question_id: q.id, chosen: null, correct: false, feedback: "Not answered." };
    return { question_id: q.id, chosen, correct: choice.correct, feedback: choice.feedback };
  });
  const correct = results.filter((r) => r.correct).length;
  const mark = passMark(questions.length);
  return { results, correct, total: questions.length, pass_mark: mark, passed: questions.length > 0 && correct >= mark };
}

/** The questions as the learner sees them: no `correct`, no feedback before answering. */
export function publicQuestions(questions: SelfCheckQuestion[]) {
  return questions.map((q) => ({ id: q.id, prompt: q.prompt, choices: q.choices.map((c) => ({ id: c.id, text: c.text })) }));
}
