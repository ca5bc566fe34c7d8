-- Reports are snapshots (issue 7): the generated report with its frozen figures and the officer's
-- edited text (jsonb, validated by reportSchema), the data version (newest audit id) it was read at,
-- and the snapshot it was regenerated from, so that "what changed since" can be shown.
CREATE TABLE "report_snapshot" (
	"id" serial PRIMARY KEY NOT NULL,
	"template" text NOT NULL,
	"org_id" integer NOT NULL,
	"season_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"data_version" integer NOT NULL,
	"report" jsonb NOT NULL,
	"previous_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshot" ADD CONSTRAINT "report_snapshot_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_snapshot_org_idx" ON "report_snapshot" USING btree ("org_id");