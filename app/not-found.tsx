import { ButtonLink } from "@/components/ui";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or it is not yours to see.</p>
      <ButtonLink href="/" className="mt-6">Go home</ButtonLink>
    </div>
  );
}
