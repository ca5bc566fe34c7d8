-- Indicator counts by day for the biggest subtrees (issue 6: the catalog for a whole country).
CREATE TABLE "indicator_rollup" (
	"season_id" integer NOT NULL,
	"def_key" text NOT NULL,
	"unit_id" integer NOT NULL,
	"self_only" boolean NOT NULL,
	"day" date NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	CONSTRAINT "indicator_rollup_season_id_unit_id_self_only_def_key_day_pk" PRIMARY KEY("season_id","unit_id","self_only","def_key","day")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_unit" (
	"season_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"self_only" boolean NOT NULL,
	"version" bigint NOT NULL,
	"def_keys" text[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_rollup_unit_season_id_unit_id_self_only_pk" PRIMARY KEY("season_id","unit_id","self_only")
);
--> statement-breakpoint
ALTER TABLE "indicator_rollup" ADD CONSTRAINT "indicator_rollup_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rollup" ADD CONSTRAINT "indicator_rollup_unit_id_organisation_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rollup_unit" ADD CONSTRAINT "indicator_rollup_unit_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rollup_unit" ADD CONSTRAINT "indicator_rollup_unit_unit_id_organisation_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;