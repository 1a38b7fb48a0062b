CREATE TABLE "analytics_ranges" (
	"scope" text PRIMARY KEY NOT NULL,
	"base" text NOT NULL,
	"from_at" timestamp with time zone,
	"to_at" timestamp with time zone,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
