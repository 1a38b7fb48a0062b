import fs from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

// Turbopack resolves only inside its root. In a git worktree whose node_modules links to another
// checkout, the root must hold both; elsewhere (CI, the Docker image) it is the project itself.
function workspaceRoot(): string {
  const here = process.cwd();
  let modules: string;
  try {
    modules = fs.realpathSync(path.join(here, "node_modules"));
  } catch {
    return here;
  }
  let root = here;
  while (!modules.startsWith(root + path.sep) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}
const root = workspaceRoot();

// Pages load nothing from elsewhere: scripts, styles, fonts, images and fetches are our own.
// Next's hydration uses inline scripts, and React's dev overlay needs eval, hence those two.
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // PGlite ships wasm; bundling it would copy 15 MB into public static assets.
  serverExternalPackages: ["@electric-sql/pglite", "bcryptjs"],
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
  // The Docker image runs the self-contained server (.next/standalone); `next start` ignores it.
  output: process.env.SORTIE_STANDALONE === "1" ? "standalone" : undefined,
  // Builds type-check by default (CI relies on it); SORTIE_SKIP_TYPECHECK=1 skips it for quick local e2e runs.
  typescript: { ignoreBuildErrors: process.env.SORTIE_SKIP_TYPECHECK === "1" },
  // Lets several builds live side by side (e.g. e2e runs beside a dev build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: CSP },
        ],
      },
    ];
  },
};

export default nextConfig;
