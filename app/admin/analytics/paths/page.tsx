import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { PathsPage } from "@/components/analytics/analytics-pages";

export const metadata: Metadata = { title: "Paths, nudges and hints" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  return <PathsPage caller={caller} base="/admin/analytics" sp={await searchParams} />;
}
