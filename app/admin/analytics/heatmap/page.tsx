import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { HeatmapPage } from "@/components/analytics/analytics-pages";

export const metadata: Metadata = { title: "Heatmaps" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  return <HeatmapPage caller={caller} base="/admin/analytics" sp={await searchParams} />;
}
