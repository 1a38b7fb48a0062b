import { readdirSync } from "node:fs";
import path from "node:path";
import type { Contract } from "@/lib/api/contract";

// Every /api/v1 route handler with the contract it carries (route() and withContract attach it),
// found by walking app/api/v1, so suites generated from the contracts reach every endpoint.

export type RouteHandler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { contract: Contract };
export interface Served {
  contract: Contract;
  handler: RouteHandler;
  file: string;
}

const ROOT = path.resolve(import.meta.dirname, "../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

export async function servedHandlers(): Promise<Served[]> {
  const out: Served[] = [];
  for (const file of routeFiles(ROOT)) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const m of METHODS) {
      const h = mod[m] as RouteHandler | undefined;
      if (typeof h === "function" && h.contract) out.push({ contract: h.contract, handler: h, file: path.relative(ROOT, file) });
    }
  }
  return out;
}
