import { ButtonLink, EmptyState } from "@/components/ui";

export default function NotFound() {
  return (
    <EmptyState title="Submission not found" action={<ButtonLink href="/review">Back to the review queue</ButtonLink>}>
      It does not exist, or it belongs to a learner who is not assigned to you.
    </EmptyState>
  );
}
