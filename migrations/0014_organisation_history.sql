CREATE TABLE "organisation_succession" (
	"id" serial PRIMARY KEY NOT NULL,
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"day" date NOT NULL,
	"operation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"level_code" text NOT NULL,
	"kind_code" text NOT NULL,
	"sector" text,
	"parent_id" integer,
	"path" "ltree" NOT NULL,
	"depth" integer NOT NULL,
	"territory_province" text,
	"territory_district" text,
	"territory_commune" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_succession" ADD CONSTRAINT "organisation_succession_predecessor_id_organisation_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_succession" ADD CONSTRAINT "organisation_succession_successor_id_organisation_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_version" ADD CONSTRAINT "organisation_version_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_succession_key" ON "organisation_succession" USING btree ("predecessor_id","successor_id");--> statement-breakpoint
CREATE INDEX "organisation_succession_successor_idx" ON "organisation_succession" USING btree ("successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_version_org_from_key" ON "organisation_version" USING btree ("org_id","valid_from");--> statement-breakpoint
CREATE INDEX "organisation_version_parent_idx" ON "organisation_version" USING btree ("parent_id","valid_from");--> statement-breakpoint
CREATE INDEX "organisation_version_path_gist" ON "organisation_version" USING gist ("path");--> statement-breakpoint
CREATE INDEX "organisation_version_search_trgm" ON "organisation_version" USING gin ("search_name" gin_trgm_ops);
--> statement-breakpoint
-- Hand-written backfill (issue 15): every existing organisation gets one version holding its
-- current state, valid from 03/02/1930 (the founding of the Party: no stored organisation can
-- predate it, and every season's history falls after it) until its dissolution day, if any.
INSERT INTO "organisation_version" ("org_id", "valid_from", "valid_to", "name", "search_name", "level_code",
  "kind_code", "sector", "parent_id", "path", "depth", "territory_province", "territory_district",
  "territory_commune", "tags")
SELECT "id", DATE '1930-02-03', "dissolved_on", "name", "search_name", "level_code", "kind_code", "sector",
  "parent_id", "path", "depth", "territory_province", "territory_district", "territory_commune", "tags"
FROM "organisation";
--> statement-breakpoint
-- The roll-up's "from the start" events now start on the founding day of the version they belong to.
UPDATE "congress_rollup" SET "day" = DATE '1930-02-03' WHERE "day" < DATE '1930-02-03';
