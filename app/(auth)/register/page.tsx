import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { HOME } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { Alert, Card } from "@/components/ui";
import { RegisterForm } from "@/components/auth/auth-forms";

export const metadata = { title: "Create account" };

export default async function RegisterPage() {
  const user = await currentUser();
  if (user) redirect(HOME[user.role]);
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">Create your Sortie account</h1>
      <p className="mb-6 text-slate-600">Start with Foundations, then take on real-world missions reviewed by mentors.</p>
      <Card>{env().signupOpen ? <RegisterForm /> : <Alert tone="amber">Sign-up is closed on this instance. Ask your administrator for an account.</Alert>}</Card>
    </div>
  );
}
