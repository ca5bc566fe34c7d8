-- People and posts (BRIEF §4) so that structure indicators are computed from records, never typed in;
-- organisation territory codes (to decide "local") and tags (merged agency models); and the indicators
-- users define in the UI (definition jsonb, validated by indicatorDefSchema before it is stored).
CREATE TABLE "indicator_definition" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"definition" jsonb NOT NULL,
	"org_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"duplicate_key" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text NOT NULL,
	"hometown_province_code" text NOT NULL,
	"hometown_province_name" text NOT NULL,
	"hometown_district_code" text,
	"hometown_district_name" text,
	"hometown_commune_code" text,
	"hometown_commune_name" text,
	"membership_status" text,
	"joined_on" date,
	"official_on" date,
	"education" text,
	"political_theory" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_local_override" (
	"person_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"local" boolean NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "person_local_override_person_id_org_id_pk" PRIMARY KEY("person_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "post" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"kind" text NOT NULL,
	"org_id" integer,
	"village_code" text,
	"term" text,
	"title" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "territory_province" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "territory_district" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "territory_commune" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_definition" ADD CONSTRAINT "indicator_definition_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_local_override" ADD CONSTRAINT "person_local_override_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_local_override" ADD CONSTRAINT "person_local_override_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post" ADD CONSTRAINT "post_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post" ADD CONSTRAINT "post_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definition_code_key" ON "indicator_definition" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "person_code_key" ON "person" USING btree ("code");--> statement-breakpoint
CREATE INDEX "person_duplicate_key_idx" ON "person" USING btree ("duplicate_key");--> statement-breakpoint
CREATE INDEX "person_search_trgm" ON "person" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "post_person_idx" ON "post" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "post_org_kind_idx" ON "post" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "post_village_idx" ON "post" USING btree ("village_code");