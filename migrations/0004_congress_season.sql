-- The congress season: seasons with their plan and per-level terms, windows and deadlines; one congress
-- record per organisation and season; and the progress roll-up (per ancestor, level, kind, metric and
-- day) that keeps national progress queries index-fast and is maintained inside each write.
CREATE TABLE "congress" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"level_code" text NOT NULL,
	"type" text NOT NULL,
	"pilot" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"venue" text,
	"actual_start" date,
	"actual_end" date,
	"contents" text[] NOT NULL,
	"committee_appointed" boolean DEFAULT false NOT NULL,
	"convened" integer,
	"present" integer,
	"results_recorded_on" date,
	"committee_seats_decided" integer,
	"committee_seats_elected" integer,
	"elected_in_one_round_full" boolean,
	"secretary_elected_directly" boolean,
	"secretary_votes" integer,
	"secretary_vote_base" integer,
	"confirmation_number" text,
	"confirmation_date" date,
	"contact_name" text,
	"contact_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_rollup" (
	"season_id" integer NOT NULL,
	"ancestor_id" integer NOT NULL,
	"level_code" text NOT NULL,
	"org_level" text NOT NULL,
	"org_kind" text NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "congress_rollup_season_id_ancestor_id_level_code_metric_org_level_org_kind_day_pk" PRIMARY KEY("season_id","ancestor_id","level_code","metric","org_level","org_kind","day")
);
--> statement-breakpoint
CREATE TABLE "season" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"term_start" integer NOT NULL,
	"term_end" integer NOT NULL,
	"plan_number" text NOT NULL,
	"plan_date" date NOT NULL,
	"plan_issuer" text NOT NULL,
	"plan_title" text,
	"directive_number" text NOT NULL,
	"directive_date" date NOT NULL,
	"directive_issuer" text NOT NULL,
	"directive_title" text,
	"root_org_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "season_level" (
	"season_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	"org_levels" text[] NOT NULL,
	"term_start" integer NOT NULL,
	"term_end" integer NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"province_deadline" date,
	"central_deadline" date,
	CONSTRAINT "season_level_season_id_code_pk" PRIMARY KEY("season_id","code")
);
--> statement-breakpoint
ALTER TABLE "congress" ADD CONSTRAINT "congress_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress" ADD CONSTRAINT "congress_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_level" ADD CONSTRAINT "season_level_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "congress_season_org_key" ON "congress" USING btree ("season_id","org_id");--> statement-breakpoint
CREATE INDEX "congress_season_level_idx" ON "congress" USING btree ("season_id","level_code","actual_end");--> statement-breakpoint
CREATE UNIQUE INDEX "season_code_key" ON "season" USING btree ("code");