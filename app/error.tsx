"use client";
import { Button } from "@/components/ui";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">We could not load this page. Try again; if it keeps happening, tell your administrator.</p>
      <Button className="mt-6" onClick={() => reset()}>Try again</Button>
    </div>
  );
}
