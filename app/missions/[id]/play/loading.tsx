import { Skeleton } from "@/components/ui";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the stage">
      <Skeleton className="mb-2 h-4 w-64" />
      <Skeleton className="mb-6 h-8 w-80 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_18rem]">
        <Skeleton className="h-64" />
        <div className="space-y-6"><Skeleton className="h-72" /><Skeleton className="h-40" /></div>
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
