import { describe, expect, it } from "vitest";
import { PROGRESS_STATES, type ProgressState } from "@/lib/db/schema/enums";
import { allowsNewAttempt, canTransition, isActive, isWritable, transition, TransitionError, type ProgressAction } from "./state";

const ACTIONS: ProgressAction[] = ["start", "work", "submit", "auto_submit", "expire", "begin_review", "approve", "request_changes", "fail", "resume"];

// The full table: every (state, action) pair that is allowed, with its target. Everything else is refused.
const ALLOWED: Record<string, ProgressState> = {
  "not_started:start": "in_progress",
  "in_progress:work": "in_progress",
  "in_progress:submit": "submitted",
  "in_progress:auto_submit": "submitted",
  "in_progress:expire": "expired",
  "submitted:begin_review": "in_review",
  "submitted:approve": "approved",
  "submitted:request_changes": "changes_requested",
  "submitted:fail": "failed",
  "in_review:approve": "approved",
  "in_review:request_changes": "changes_requested",
  "in_review:fail": "failed",
  "changes_requested:resume": "in_progress",
  "changes_requested:work": "in_progress",
  "changes_requested:submit": "submitted",
};

describe("progress state machine", () => {
  for (const from of PROGRESS_STATES) {
    for (const action of ACTIONS) {
      const key = `${from}:${action}`;
      if (ALLOWED[key]) {
        it(`allows ${from} --${action}--> ${ALLOWED[key]}`, () => {
          expect(canTransition(from, action)).toBe(true);
          expect(transition(from, action)).toBe(ALLOWED[key]);
        });
      } else {
        it(`refuses ${action} from ${from}`, () => {
          expect(canTransition(from, action)).toBe(false);
          expect(() => transition(from, action)).toThrow(TransitionError);
        });
      }
    }
  }

  it("explains refusals in words", () => {
    expect(() => transition("submitted", "submit")).toThrow("already submitted");
    expect(() => transition("expired", "work")).toThrow("deadline");
    expect(() => transition("approved", "work")).toThrow("approved");
  });

  it("only in-progress and changes-requested attempts are writable", () => {
    expect(PROGRESS_STATES.filter(isWritable)).toEqual(["in_progress", "changes_requested"]);
  });

  it("a new attempt is possible only after failed or expired", () => {
    expect(PROGRESS_STATES.filter(allowsNewAttempt)).toEqual(["failed", "expired"]);
  });

  it("active states match the partial unique index", () => {
    expect(PROGRESS_STATES.filter(isActive)).toEqual(["in_progress", "submitted", "in_review", "changes_requested"]);
  });
});
