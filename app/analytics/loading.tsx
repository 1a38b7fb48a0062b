import { Skeleton } from "@/components/ui";
import { PerformanceSkeleton } from "@/components/analytics/performance-dashboard";

export default function Loading() {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-6 h-5 w-96 max-w-full" />
      <Skeleton className="mb-6 h-28 w-full" />
      <PerformanceSkeleton />
    </div>
  );
}
