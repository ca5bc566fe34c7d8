-- The organisation hierarchy (levels and kinds as data, ltree paths with a GiST index, trigram search on
-- diacritic-free names), villages served by branches, and the hash-chained audit log every write appends to.
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"org_id" integer,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_kind" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"family" text NOT NULL,
	"is_commune_level" boolean DEFAULT false NOT NULL,
	"is_rural" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_level" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"allowed_parents" text[] NOT NULL,
	"is_grassroots" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"level_code" text NOT NULL,
	"kind_code" text NOT NULL,
	"sector" text,
	"parent_id" integer,
	"path" "ltree" NOT NULL,
	"depth" integer NOT NULL,
	"dissolved_on" date,
	"dissolved_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"commune_id" integer NOT NULL,
	"branch_id" integer
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_level_code_org_level_code_fk" FOREIGN KEY ("level_code") REFERENCES "public"."org_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kind_code_org_kind_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."org_kind"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_code_key" ON "organisation" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organisation_parent_idx" ON "organisation" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisation_path_gist" ON "organisation" USING gist ("path");--> statement-breakpoint
CREATE INDEX "organisation_search_trgm" ON "organisation" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "village_code_key" ON "village" USING btree ("code");--> statement-breakpoint
CREATE INDEX "village_commune_idx" ON "village" USING btree ("commune_id");--> statement-breakpoint
CREATE UNIQUE INDEX "village_branch_key" ON "village" USING btree ("branch_id");