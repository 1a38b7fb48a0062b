import { ButtonLink, EmptyState } from "@/components/ui";

export default function NotFound() {
  return (
    <EmptyState title="Cohort not found" action={<ButtonLink href="/enterprise">Back to your cohorts</ButtonLink>}>
      This cohort does not exist or is not one of your organisation&apos;s.
    </EmptyState>
  );
}
