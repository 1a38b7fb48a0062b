import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { assertProductionReady, guardApplies, productionProblems } from "./guard";

const ready = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://db/sortie",
  AUTH_SECRET: "x".repeat(40),
  SORTIE_S3_BUCKET: "evidence",
  SORTIE_S3_ACCESS_KEY_ID: "id",
  SORTIE_S3_SECRET_ACCESS_KEY: "secret",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k".repeat(44),
} as Env;
const settings = (e: Partial<Env>) => productionProblems({ ...ready, ...e } as Env).map((p) => p.setting);

describe("production guard", () => {
  it("lets the newcomer's embedded demo start: production build, no DATABASE_URL, nothing set", () => {
    expect(guardApplies({ NODE_ENV: "production", DATABASE_URL: undefined, SORTIE_CLUSTER: undefined })).toBe(false);
    expect(productionProblems({ NODE_ENV: "production" } as Env)).toEqual([]);
  });

  it("does not apply in development or tests, even against Postgres", () => {
    expect(productionProblems({ NODE_ENV: "development", DATABASE_URL: "postgres://db/x" } as Env)).toEqual([]);
    expect(productionProblems({ NODE_ENV: "test", DATABASE_URL: "postgres://db/x" } as Env)).toEqual([]);
  });

  it("accepts a deployment with every shared setting", () => {
    expect(productionProblems(ready)).toEqual([]);
    expect(() => assertProductionReady(ready)).not.toThrow();
  });

  it("names the shared database when a cluster is declared without one", () => {
    expect(settings({ DATABASE_URL: undefined, SORTIE_CLUSTER: true })).toEqual(["DATABASE_URL"]);
  });

  it("names AUTH_SECRET when it is missing or too short to be shared safely", () => {
    expect(settings({ AUTH_SECRET: undefined })).toEqual(["AUTH_SECRET"]);
    expect(settings({ AUTH_SECRET: "short" })).toEqual(["AUTH_SECRET"]);
  });

  it("names the upload store when evidence would land on one machine's disk", () => {
    expect(settings({ SORTIE_S3_BUCKET: undefined })).toEqual(["SORTIE_S3_BUCKET"]);
    expect(settings({ SORTIE_S3_BUCKET: undefined, UPLOADTHING_TOKEN: "t" })).toEqual([]);
    // An explicit directory is taken as a volume every instance mounts.
    expect(settings({ SORTIE_S3_BUCKET: undefined, SORTIE_UPLOAD_DIR: "/srv/evidence" })).toEqual([]);
  });

  it("names the bucket's credentials when they are missing", () => {
    expect(settings({ SORTIE_S3_SECRET_ACCESS_KEY: undefined })).toEqual(["SORTIE_S3_ACCESS_KEY_ID"]);
  });

  it("names the server-actions key", () => {
    expect(settings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: undefined })).toEqual(["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
  });

  it("refuses with one message naming every missing setting", () => {
    const e = { NODE_ENV: "production", DATABASE_URL: "postgres://db/x" } as Env;
    expect(() => assertProductionReady(e)).toThrow(/AUTH_SECRET[\s\S]*SORTIE_S3_BUCKET[\s\S]*NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/);
  });
});
