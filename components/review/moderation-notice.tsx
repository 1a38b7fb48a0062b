import Link from "next/link";
import { Alert } from "@/components/ui";
import type { SubmissionDetail } from "@/lib/reviews/submission";
import { OUTCOME_LABEL } from "./format";

/** Where a double-marked submission stands, as the viewing mentor may know it: never the other mentor's marks. */
export function ModerationNotice({ moderation, progressId, admin }: { moderation: NonNullable<SubmissionDetail["moderation"]>; progressId: string; admin: boolean }) {
  const mine = moderation.your_mark;
  if (moderation.status === "moderation")
    return (
      <Alert tone="amber" title="Marks differ: a moderator decides" className="mb-4">
        Two mentors marked this submission blind and their marks differ by more than the mission&apos;s threshold. The learner sees the review once a moderator has picked the final marks.
        {mine && <> Your marks: {OUTCOME_LABEL[mine.outcome] ?? mine.outcome}, {mine.score.toFixed(1)}.</>}
        {admin && !mine && (
          <>
            {" "}
            <Link href={`/review/${progressId}/moderate`} className="font-medium underline">
              Moderate this submission
            </Link>
          </>
        )}
      </Alert>
    );
  if (mine)
    return (
      <Alert tone="blue" title="Held for double-marking" className="mb-4">
        You marked this submission ({OUTCOME_LABEL[mine.outcome] ?? mine.outcome}, {mine.score.toFixed(1)}). It was sampled for double-marking: a second mentor marks it without seeing your marks, and you will not see theirs. The learner sees the review once it is final.
      </Alert>
    );
  return (
    <Alert tone="purple" title="Double-marked: you give the second, blind marks" className="mb-4">
      Another mentor has marked this submission; their marks are hidden from you, and yours will be from them. If the two differ by more than the mission&apos;s threshold, a moderator picks the final marks.
    </Alert>
  );
}
