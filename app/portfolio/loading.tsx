import { Skeleton } from "@/components/ui";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading your portfolio">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      {Array.from({ length: 2 }).map((_, i) => <Skeleton key={i} className="mb-4 h-56 w-full" />)}
    </div>
  );
}
