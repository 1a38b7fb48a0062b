// Scripts and benchmarks reuse the app's own lib/ code (content import, token creation). Those
// modules start with `import "server-only"`, which throws outside React Server Components; plain
// Node scripts stub it the same way the tests do (vitest aliases it to test/server-only-stub.ts).
import Module from "node:module";

export function allowServerOnlyImports() {
  const req = Module.createRequire(__filename);
  const id = req.resolve("server-only");
  req.cache[id] = { id, filename: id, loaded: true, exports: {} } as unknown as NodeJS.Module;
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to a Postgres database (e.g. postgres://postgres@127.0.0.1:5432/sortie_bench).");
    process.exit(2);
  }
  return url;
}
