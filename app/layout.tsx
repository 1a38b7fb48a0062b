import type { Metadata, Viewport } from "next";
import "./globals.css";
import { AppHeader } from "@/components/shell/app-header";

export const metadata: Metadata = {
  title: { default: "Sortie — cybersecurity missions", template: "%s · Sortie" },
  description: "Train for cybersecurity jobs with realistic missions, mentor reviews and just-in-time recipes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <AppHeader />
        <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </body>
    </html>
  );
}
