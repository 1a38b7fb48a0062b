import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { BenchmarksPage } from "@/components/analytics/analytics-pages";

export const metadata: Metadata = { title: "Benchmarks" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  return <BenchmarksPage caller={caller} base="/admin/analytics" sp={await searchParams} />;
}
