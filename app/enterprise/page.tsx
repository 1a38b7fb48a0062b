import { requireRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui";
import { DeniedNotice } from "@/components/shell/denied-notice";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("enterprise","admin");
  return (
    <>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title="Cohorts" />
    </>
  );
}
