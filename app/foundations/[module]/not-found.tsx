import { ButtonLink, EmptyState } from "@/components/ui";

export default function NotFound() {
  return <EmptyState title="No such module" action={<ButtonLink href="/foundations">See every Foundations module</ButtonLink>}>This Foundations module does not exist, or was renamed.</EmptyState>;
}
