import { Skeleton } from "@/components/ui";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the editor">
      <Skeleton className="h-8 w-64" />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]"><Skeleton className="h-[60vh]" /><Skeleton className="h-64" /></div>
    </div>
  );
}
