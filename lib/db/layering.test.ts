import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";

// lib/db is data access only: rows in, rows out. A use case may import it; it imports no use case.
// Rather than keep a list of forbidden folders that goes stale as folders are added, the data layer
// may import only:
//   - lib/db itself (client, schema, sql helpers, other query files);
//   - npm packages, except the request-bound ones (next, next-auth, react);
//   - *pure* modules anywhere else in lib/: modules that, with everything they import in turn,
//     touch no database client, no env, no request and no "server-only" code — rules such as
//     lib/missions/graph.ts, lib/content/schemas.ts, lib/errors.ts. A use-case folder
//     (lib/recipes/progress.ts, lib/demo/, lib/assignments/, ...) imports the data layer, so it is
//     never pure and never importable from here; its pure siblings (lib/recipes/related.ts) are.
// On top of that, some imports are named outright because they are the usual way back up the
// layers: lib/api, lib/auth, lib/telemetry/record (telemetry is written by use cases) and lib/env
// (only the client in lib/db/index.ts reads settings).

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAX_LINES = 400;
const REQUEST_BOUND = /^(next|next-auth|react|react-dom)(\/|$)/;
const NAMED: { prefix: string; why: string }[] = [
  { prefix: "lib/api", why: "lib/api maps errors to HTTP; the data layer knows nothing of requests" },
  { prefix: "lib/auth", why: "lib/auth resolves callers; the data layer takes a Viewer (lib/db/queries/access.ts)" },
  { prefix: "lib/telemetry/record", why: "use cases write telemetry (recordEvents) in their transaction" },
];

const rel = (abs: string) => path.relative(ROOT, abs).split(path.sep).join("/");
const isTest = (f: string) => /\.test\.tsx?$/.test(f);

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return walk(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const sources = new Map<string, string>();
function source(file: string): string {
  let s = sources.get(file);
  if (s === undefined) sources.set(file, (s = fs.readFileSync(path.join(ROOT, file), "utf8")));
  return s;
}

/** Every module specifier a file names: static imports, re-exports, side-effect and dynamic imports. */
function specifiers(file: string): string[] {
  const code = source(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  for (const re of [/\b(?:import|export)\b[^;'"`]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g]) {
    for (const m of code.matchAll(re)) out.push(m[1]);
  }
  return out;
}

/** A specifier as a repository file ("lib/db/index.ts"), or null for an npm package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = rel(path.resolve(path.dirname(path.join(ROOT, from)), spec));
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
  }
  return base; // unresolved (a typo would fail tsc); judged by its path
}

const inDb = (f: string) => f.startsWith("lib/db/");
const isSchema = (f: string) => f.startsWith("lib/db/schema/") || f === "lib/db/schema.ts";

/** Null when the module is pure; otherwise the reason (the first impure thing it reaches). */
function impurity(file: string, seen = new Set<string>()): string | null {
  if (seen.has(file)) return null; // an import cycle is judged by its other members
  seen.add(file);
  if (!file.startsWith("lib/")) return `${file} is outside lib/`;
  if (file === "lib/env.ts") return "lib/env.ts reads the environment";
  if (inDb(file) && !isSchema(file)) return `${file} reaches the database`;
  if (!fs.existsSync(path.join(ROOT, file))) return `${file} does not exist`;
  for (const spec of specifiers(file)) {
    if (spec === "server-only") return `${file} is server-only`;
    if (REQUEST_BOUND.test(spec)) return `${file} imports ${spec}`;
    const target = resolve(file, spec);
    if (!target || isSchema(target)) continue;
    const inner = impurity(target, seen);
    if (inner) return `${file} → ${inner}`;
  }
  return null;
}

/** What is wrong with one lib/db file's imports and body, as messages. */
function layeringProblems(file: string): string[] {
  const problems: string[] = [];
  for (const spec of specifiers(file)) {
    if (REQUEST_BOUND.test(spec)) {
      problems.push(`imports ${spec}: request-bound`);
      continue;
    }
    const target = resolve(file, spec);
    if (!target || inDb(target)) continue;
    const named = NAMED.find((n) => target === n.prefix || target.startsWith(`${n.prefix}/`) || target.startsWith(`${n.prefix}.`));
    if (named) problems.push(`imports ${spec}: ${named.why}`);
    else if (target === "lib/env.ts") {
      if (file !== "lib/db/index.ts") problems.push(`imports ${spec}: only lib/db/index.ts reads settings; use cases pass values in`);
    } else {
      const why = impurity(target);
      if (why) problems.push(`imports ${spec}, which is not a pure module (${why}): move the code that needs it to a use case`);
    }
  }
  const code = source(file);
  if (/process\.env/.test(code)) problems.push("reads process.env: lib/env.ts is the only reader");
  if (/\bnew AppError\b|\berrors\.[a-zA-Z]+\(/.test(code)) problems.push("raises an AppError: return undefined/false and let the use case decide what that means");
  return problems;
}

const lineCount = (file: string) => source(file).split("\n").length - (source(file).endsWith("\n") ? 1 : 0);

const dbFiles = walk("lib/db").filter((f) => !isTest(f));
const allSources = ["lib", "app", "components"].flatMap(walk).filter((f) => !isTest(f));

describe("layering: lib/db is data access only", () => {
  it.each(dbFiles)("%s", (file) => {
    expect(layeringProblems(file)).toEqual([]);
  });

  it("knows what a pure module is", () => {
    expect(impurity("lib/missions/graph.ts")).toBeNull();
    expect(impurity("lib/content/schemas.ts")).toBeNull();
    expect(impurity("lib/errors.ts")).toBeNull();
    expect(impurity("lib/env.ts")).not.toBeNull();
    expect(impurity("lib/recipes/actions.ts")).not.toBeNull();
    expect(impurity("lib/demo/seed.ts")).not.toBeNull();
  });
});

describe("size: no source file over 400 lines", () => {
  it("lib/, app/ and components/ (tests aside)", () => {
    const long = allSources.filter((f) => lineCount(f) > MAX_LINES).map((f) => `${f}: ${lineCount(f)} lines`);
    expect(long).toEqual([]);
  });
});
