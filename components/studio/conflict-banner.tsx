import { Alert, Button } from "@/components/ui";

/** A save refused as stale (409): says who saved last, keeps the author's work, lets them choose. */
export function ConflictBanner({ conflict, onOverwrite, onReload }: { conflict: { message: string } | null; onOverwrite: () => void; onReload: () => void }) {
  if (!conflict) return null;
  return (
    <Alert tone="red" title="Someone else saved this draft" className="mb-4">
      <p>{conflict.message} Your changes are still here and not saved.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" variant="danger" onClick={onOverwrite}>Keep my version (overwrite theirs)</Button>
        <Button type="button" variant="secondary" onClick={onReload}>Load their version (discard mine)</Button>
      </div>
    </Alert>
  );
}
