import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { DeniedNotice } from "@/components/shell/denied-notice";
import { PerformancePage } from "@/components/analytics/analytics-pages";

export const metadata: Metadata = { title: "Mission performance" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  return (
    <>
      <DeniedNotice searchParams={searchParams} />
      <PerformancePage caller={caller} base="/admin/analytics" sp={await searchParams} />
    </>
  );
}
