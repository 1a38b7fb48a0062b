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
        ],
      },
    ];
  },
};

export default nextConfig;
