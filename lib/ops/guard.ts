import type { Env } from "@/lib/env";

export interface GuardProblem {
  setting: string;
  why: string;
}

/**
 * When the production guard applies: a production server on a real deployment, i.e. with a shared
 * database (DATABASE_URL) or declared clustered (SORTIE_CLUSTER=1). The README's first command
 * (embedded PGlite, no settings) runs `next start` too, so NODE_ENV=production alone is not enough:
 * without DATABASE_URL it is the newcomer's single-process demo, which must keep starting.
 */
export function guardApplies(e: Pick<Env, "NODE_ENV" | "DATABASE_URL" | "SORTIE_CLUSTER">): boolean {
  return e.NODE_ENV === "production" && (Boolean(e.DATABASE_URL) || e.SORTIE_CLUSTER === true);
}

/** What a production deployment lacks to run as several instances; empty when it may start. */
export function productionProblems(e: Env): GuardProblem[] {
  if (!guardApplies(e)) return [];
  const problems: GuardProblem[] = [];
  if (!e.DATABASE_URL) {
    problems.push({ setting: "DATABASE_URL", why: "a shared Postgres database; embedded PGlite lives inside one process" });
  }
  if (!e.AUTH_SECRET || e.AUTH_SECRET.length < 32) {
    problems.push({
      setting: "AUTH_SECRET",
      why: `the same secret of at least 32 characters on every instance (${e.AUTH_SECRET ? "too short" : "unset: one generated per instance signs sessions only that instance accepts"})`,
    });
  }
  const shared = e.UPLOADTHING_TOKEN || e.SORTIE_S3_BUCKET || e.SORTIE_UPLOAD_DIR;
  if (!shared) {
    problems.push({
      setting: "SORTIE_S3_BUCKET",
      why: "a shared upload store: SORTIE_S3_BUCKET (S3-compatible), UPLOADTHING_TOKEN, or SORTIE_UPLOAD_DIR naming a volume every instance mounts; the default .data/uploads is one machine's disk",
    });
  }
  if (e.SORTIE_S3_BUCKET && !(e.SORTIE_S3_ACCESS_KEY_ID && e.SORTIE_S3_SECRET_ACCESS_KEY)) {
    problems.push({ setting: "SORTIE_S3_ACCESS_KEY_ID", why: "SORTIE_S3_ACCESS_KEY_ID and SORTIE_S3_SECRET_ACCESS_KEY for the bucket" });
  }
  if (!e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    problems.push({
      setting: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      why: "the same base64 AES key (openssl rand -base64 32) at build and on every instance; otherwise each build makes its own and forms posted to another instance fail",
    });
  }
  return problems;
}

export function guardMessage(problems: GuardProblem[]): string {
  return [
    "[sortie] refusing to start in production: this deployment is not ready to run as several instances.",
    ...problems.map((p) => `  ${p.setting}: ${p.why}`),
    "  (Embedded single-process demo: leave DATABASE_URL and SORTIE_CLUSTER unset. See README, Self-hosting.)",
  ].join("\n");
}

/** Throws with a message naming every missing setting. */
export function assertProductionReady(e: Env) {
  const problems = productionProblems(e);
  if (problems.length) throw new Error(guardMessage(problems));
}
