import { ButtonLink, EmptyState } from "@/components/ui";

export default function RecipeNotFound() {
  return (
    <EmptyState title="Recipe not found" action={<ButtonLink href="/recipes">Back to the library</ButtonLink>}>
      It may have been renamed or archived. Search the library for what you need.
    </EmptyState>
  );
}
