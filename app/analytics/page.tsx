import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { PerformancePage } from "@/components/analytics/analytics-pages";

export const metadata: Metadata = { title: "Mission performance" };

// Mentors: the same dashboard, scoped to the learners they mentor.
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("mentor", "admin");
  return <PerformancePage caller={caller} base="/analytics" sp={await searchParams} />;
}
