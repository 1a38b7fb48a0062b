// Client JavaScript per page of a production build, gzip-compressed as a browser receives it.
//
// Next 16 writes, at the end of `next build`, <distDir>/diagnostics/route-bundle-stats.json: for each
// route, the chunks a first visit loads (the root main files shared by every page, plus the entry
// chunks of the page and its layouts, from the page's client reference manifest). Lazily loaded
// chunks (next/dynamic, a server action's client code) are not in it: they load only when used.
// Used by bench/bundles.ts (the report) and e2e/bundles.spec.ts (the budget, on the e2e build).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The pages a learner uses; each must stay within LEARNER_BUDGET_KIB of JavaScript (gzip). */
export const LEARNER_PAGES = [
  "/login",
  "/register",
  "/dashboard",
  "/foundations",
  "/missions",
  "/missions/[id]",
  "/missions/[id]/play",
  "/missions/[id]/reflection",
  "/missions/[id]/submit",
  "/missions/[id]/complete",
  "/recipes",
  "/recipes/[slug]",
  "/portfolio",
  "/settings",
];
export const LEARNER_BUDGET_KIB = 150;

/** Libraries a learner page must not load, told by strings their code keeps when minified. */
export const HEAVY_LIBRARIES: { name: string; marker: RegExp }[] = [
  { name: "react-markdown", marker: /remarkjs\/react-markdown/ },
  { name: "micromark (markdown parser)", marker: /micromark|Cannot handle unknown node/ },
  { name: "rehype-sanitize", marker: /hast-util-sanitize|clobberPrefix/ },
  { name: "recharts", marker: /recharts-wrapper|recharts-surface/ },
  { name: "decimal.js", marker: /\[DecimalError\]/ },
  { name: "@tanstack/react-query", marker: /No QueryClient set/ },
];

export interface RouteBundle {
  route: string;
  chunks: number;
  rawKiB: number;
  gzipKiB: number;
  libraries: string[];
}

interface Stat {
  route: string;
  firstLoadChunkPaths: string[];
}

const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

/** Client JS of every app route in the build at `distDir` (relative to `projectDir`). */
export function routeBundles(distDir: string, projectDir = process.cwd()): RouteBundle[] {
  const statsFile = path.join(projectDir, distDir, "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} not found: run \`next build\` first (NEXT_DIST_DIR=${distDir})`);
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as Stat[];
  const perFile = new Map<string, { raw: number; gzip: number; libraries: string[] }>();
  const measure = (rel: string) => {
    let m = perFile.get(rel);
    if (!m) {
      const bytes = fs.readFileSync(path.join(projectDir, rel));
      const text = bytes.toString("utf8");
      // Level 6: what Next's own compression (and most proxies) send.
      m = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length, libraries: HEAVY_LIBRARIES.filter((l) => l.marker.test(text)).map((l) => l.name) };
      perFile.set(rel, m);
    }
    return m;
  };
  return stats
    .map((s) => {
      const files = s.firstLoadChunkPaths.filter((f) => f.endsWith(".js")).map(measure);
      return {
        route: s.route,
        chunks: files.length,
        rawKiB: kib(files.reduce((a, f) => a + f.raw, 0)),
        gzipKiB: kib(files.reduce((a, f) => a + f.gzip, 0)),
        libraries: [...new Set(files.flatMap((f) => f.libraries))].sort(),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
