import { Alert } from "@/components/ui";

/** Shown on a role's home when they were sent back from a page they may not open. */
export async function DeniedNotice({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  if (!sp.denied) return null;
  return (
    <Alert tone="red" title="Access denied" className="mb-4">
      Your role does not give access to that page.
    </Alert>
  );
}
