import { z } from "zod";

// The one place that reads process.env. Validated lazily so that build-time imports
// (next.config.ts, drizzle.config.ts) do not fail on settings only the server needs.
const bool = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"));

const schema = z.object({
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  // Connections in the postgres.js pool of one server process.
  SORTIE_DB_POOL: z.coerce.number().int().positive().default(10),
  // Send statements as prepared statements (lib/db/index.ts); 0 behind a pooler that cannot keep them.
  SORTIE_DB_PREPARE: bool,
  // Where embedded PGlite keeps its files ("memory://" for tests); default <SORTIE_DATA_DIR>/pglite.
  SORTIE_PGLITE_DIR: z.string().optional(),
  SORTIE_DATA_DIR: z.string().default(".data"),
  SORTIE_DEMO: bool,
  SORTIE_SIGNUP_OPEN: bool,
  // Raw telemetry older than this many days is dropped by the daily retention job, month partition by
  // month partition, except the rows a figure still reads (lib/db/queries/telemetry-readers.ts). Unset: kept forever.
  SORTIE_EVENTS_RETENTION_DAYS: z.union([z.literal("").transform(() => undefined), z.coerce.number().int().min(1)]).optional(),
  SORTIE_ABANDON_DAYS: z.coerce.number().int().positive().default(7),
  /** Hours a submission may wait for review before the mentor dashboard marks it overdue. */
  SORTIE_REVIEW_SLA_HOURS: z.coerce.number().positive().default(48),
  // A read-only replica for the dashboard reads (lib/db/index.ts readDb); default: the primary.
  DATABASE_REPLICA_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  // How long a dashboard read waits for an answer being computed for newer figures before it is given
  // the kept answer of the figures before (with their own as_of); see lib/analytics/kept.ts.
  SORTIE_ANALYTICS_STALE_MS: z.coerce.number().int().min(0).default(0),
  // Seconds between runs of the analytics change consumer in the embedded demo (on Postgres it runs
  // continuously once per cluster, pausing this long when the change log is empty); 0 turns it off.
  SORTIE_ROLLUP_REFRESH_SECONDS: z.coerce.number().min(0).default(2),
  // Sign-in attempts allowed per email and client address in 5 minutes.
  SORTIE_SIGNIN_LIMIT: z.coerce.number().int().positive().default(10),
  // Sign-ups allowed per client address in an hour (ten times this in all when the address is unknown).
  SORTIE_SIGNUP_LIMIT: z.coerce.number().int().positive().default(20),
  // Proxies of ours in front of the app, each appending to X-Forwarded-For (nginx: 1). 0: the header is ignored.
  SORTIE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  SORTIE_UNLOCK_THRESHOLD: z.coerce.number().int().min(0).default(2),
  SORTIE_UPLOAD_DIR: z.string().optional(),
  SORTIE_CRON_SECRET: z.string().optional(),
  SORTIE_AI_URL: z.string().url().optional(),
  SORTIE_AI_KEY: z.string().optional(),
  SORTIE_AI_MODEL: z.string().optional(),
  UPLOADTHING_TOKEN: z.string().optional(),
  // S3-compatible evidence storage (S3, MinIO, R2, Ceph) when a bucket is named; see lib/storage/s3.ts.
  SORTIE_S3_BUCKET: z.string().optional(),
  SORTIE_S3_ENDPOINT: z.string().url().optional(),
  SORTIE_S3_REGION: z.string().default("us-east-1"),
  SORTIE_S3_ACCESS_KEY_ID: z.string().optional(),
  SORTIE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  SORTIE_S3_FORCE_PATH_STYLE: bool,
  AUTH_SECRET: z.string().optional(),
  // Next's key for server-action ids; generated per build unless set, so instances of different builds disagree.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
  // Declares a clustered deployment: the production guard applies even without DATABASE_URL (and then fails).
  SORTIE_CLUSTER: bool,
  // Whether this instance works on background jobs (default yes); scheduling happens once per cluster anyway.
  SORTIE_JOBS: bool,
  // A name for this instance in job records and logs; default <hostname>:<pid>.
  SORTIE_INSTANCE: z.string().optional(),
  // After SIGTERM, how long the instance keeps listening (and serving) while /api/ready says 503,
  // before it refuses new connections (lib/ops/lifecycle.ts); default 1000 in production, else 0.
  SORTIE_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  HOSTNAME: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema> & { embedded: boolean; demo: boolean; signupOpen: boolean; uploadDir: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached && process.env.NODE_ENV !== "test") return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  cached = {
    ...e,
    embedded,
    // Demo content is on by default only in embedded mode (a newcomer's laptop).
    demo: e.SORTIE_DEMO ?? embedded,
    signupOpen: e.SORTIE_SIGNUP_OPEN ?? true,
    uploadDir: e.SORTIE_UPLOAD_DIR ?? `${e.SORTIE_DATA_DIR}/uploads`,
  };
  return cached;
}
