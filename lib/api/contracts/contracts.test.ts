import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { namedContracts } from "./index";

// Read as text, not imported: route modules pull in the database and auth, and what matters here
// is what each file declares.
const ROOT = path.resolve(import.meta.dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/missions/[id]/start/route.ts → /missions/{id}/start */
function apiPath(file: string) {
  const rel = path.relative(ROOT, path.dirname(file)).split(path.sep).join("/");
  return `/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
}

interface Served {
  file: string;
  method: string;
  contract: string | null;
}

function served(file: string): Served[] {
  const text = readFileSync(file, "utf8");
  const modules = new Map<string, string>();
  for (const m of text.matchAll(/import \* as (\w+) from "@\/lib\/api\/contracts\/(\w+)";/g)) modules.set(m[1], m[2]);
  const out: Served[] = [];
  for (const method of METHODS) {
    if (!new RegExp(`export (const|async function|function) ${method}\\b`).test(text)) continue;
    const m = new RegExp(`export const ${method} = (?:route|jobRoute|withContract)\\(\\s*(\\w+)\\.(\\w+)\\s*,`).exec(text);
    out.push({ file: path.relative(ROOT, file), method, contract: m && modules.has(m[1]) ? `${modules.get(m[1])}.${m[2]}` : null });
  }
  return out;
}

describe("API contracts", () => {
  const files = routeFiles(ROOT);
  const all = files.flatMap(served);
  const byName = new Map(namedContracts.map((c) => [c.name, c.contract]));

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it("serves every route file's method through a contract of its own path and method", () => {
    for (const s of all) {
      const where = `${s.method} in app/api/v1/${s.file}`;
      expect(s.contract, `${where}: pass a contract from lib/api/contracts as route()'s first argument`).not.toBeNull();
      const c = byName.get(s.contract!);
      expect(c, `${where}: ${s.contract} is not a contract listed in lib/api/contracts/index.ts`).toBeDefined();
      expect(`${c!.method.toUpperCase()} ${c!.path}`, `${where}: ${s.contract} describes another endpoint`).toBe(`${s.method} ${apiPath(path.join(ROOT, s.file))}`);
    }
  });

  it("serves every contract from exactly one route file's method", () => {
    for (const { name } of namedContracts) {
      const users = all.filter((s) => s.contract === name).map((s) => `${s.method} ${s.file}`);
      expect(users, `${name} must be served by exactly one route method`).toHaveLength(1);
    }
  });

  it("declares each method and path once", () => {
    const keys = namedContracts.map(({ contract: c }) => `${c.method} ${c.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
