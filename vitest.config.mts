import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses.
  "next/server": "next/server.js",
  "next/headers": "next/headers.js",
  "next/navigation": "next/navigation.js",
  "next/cache": "next/cache.js",
  // server-only throws outside React Server Components; tests run the same modules in Node.
  "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          environment: "node",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/db-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two workers keep the 2-core machine responsive.
          maxWorkers: 2,
        },
      },
    ],
  },
});
