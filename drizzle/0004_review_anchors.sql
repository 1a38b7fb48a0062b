CREATE TABLE "review_anchors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_line" integer,
	"end_line" integer,
	"x" real,
	"y" real,
	"w" real,
	"h" real,
	"page" integer,
	"remark" text NOT NULL,
	"criterion_key" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "review_anchors_kind_ck" CHECK ("review_anchors"."kind" in ('lines', 'region', 'page')),
	CONSTRAINT "review_anchors_shape_ck" CHECK (("review_anchors"."kind" = 'lines' and "review_anchors"."start_line" >= 1 and "review_anchors"."end_line" >= "review_anchors"."start_line") or ("review_anchors"."kind" = 'region' and "review_anchors"."x" >= 0 and "review_anchors"."y" >= 0 and "review_anchors"."w" > 0 and "review_anchors"."h" > 0 and "review_anchors"."x" + "review_anchors"."w" <= 1.0001 and "review_anchors"."y" + "review_anchors"."h" <= 1.0001) or ("review_anchors"."kind" = 'page' and "review_anchors"."page" >= 1))
);
--> statement-breakpoint
ALTER TABLE "review_anchors" ADD CONSTRAINT "review_anchors_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_anchors" ADD CONSTRAINT "review_anchors_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_anchors_review_idx" ON "review_anchors" USING btree ("review_id","position");--> statement-breakpoint
CREATE INDEX "review_anchors_evidence_idx" ON "review_anchors" USING btree ("evidence_id");