-- Village-head elections (issue 8): the province-wide election day, legal steps per commune, rounds, candidates and results per village.
CREATE TABLE "village_election_candidate" (
	"round_id" integer NOT NULL,
	"position" integer NOT NULL,
	"full_name" text NOT NULL,
	"nomination" text NOT NULL,
	"person_id" integer,
	"gender" text NOT NULL,
	"birth_date" date,
	"ethnicity" text NOT NULL,
	"votes" integer NOT NULL,
	"elected" boolean NOT NULL,
	CONSTRAINT "village_election_candidate_round_id_position_pk" PRIMARY KEY("round_id","position")
);
--> statement-breakpoint
CREATE TABLE "village_election_day" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"election_date" date NOT NULL,
	"term_start" integer NOT NULL,
	"term_end" integer NOT NULL,
	"root_org_id" integer NOT NULL,
	"season_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_election_result" (
	"day_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"status" text NOT NULL,
	"explanation" text NOT NULL,
	"head_name" text,
	"head_gender" text,
	"head_ethnicity" text,
	"head_person_id" integer,
	"head_post_id" integer,
	"winner_votes" integer,
	"winner_electorate" integer,
	"electorate" integer,
	"present" integer,
	"interim_decision" text,
	"interim_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_election_result_day_id_village_id_pk" PRIMARY KEY("day_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "village_election_round" (
	"id" serial PRIMARY KEY NOT NULL,
	"day_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"attempt" integer NOT NULL,
	"held_on" date NOT NULL,
	"electorate" integer NOT NULL,
	"present" integer NOT NULL,
	"method" text NOT NULL,
	"issued" integer,
	"collected" integer,
	"valid" integer,
	"invalid" integer,
	"team" text[] NOT NULL,
	"outcome" text NOT NULL,
	"explanation" text NOT NULL,
	"decision" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "village_election_step" (
	"day_id" integer NOT NULL,
	"commune_id" integer NOT NULL,
	"decision_on" date,
	"team_on" date,
	"notice_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_election_step_day_id_commune_id_pk" PRIMARY KEY("day_id","commune_id")
);
--> statement-breakpoint
ALTER TABLE "village_election_candidate" ADD CONSTRAINT "village_election_candidate_round_id_village_election_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."village_election_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_candidate" ADD CONSTRAINT "village_election_candidate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_day" ADD CONSTRAINT "village_election_day_root_org_id_organisation_id_fk" FOREIGN KEY ("root_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_day" ADD CONSTRAINT "village_election_day_season_id_season_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."season"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD CONSTRAINT "village_election_result_day_id_village_election_day_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."village_election_day"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD CONSTRAINT "village_election_result_village_id_village_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."village"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD CONSTRAINT "village_election_result_head_person_id_person_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD CONSTRAINT "village_election_result_head_post_id_post_id_fk" FOREIGN KEY ("head_post_id") REFERENCES "public"."post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_round" ADD CONSTRAINT "village_election_round_day_id_village_election_day_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."village_election_day"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_round" ADD CONSTRAINT "village_election_round_village_id_village_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."village"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_step" ADD CONSTRAINT "village_election_step_day_id_village_election_day_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."village_election_day"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_election_step" ADD CONSTRAINT "village_election_step_commune_id_organisation_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "village_election_day_code_key" ON "village_election_day" USING btree ("code");--> statement-breakpoint
CREATE INDEX "village_election_result_status_idx" ON "village_election_result" USING btree ("day_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "village_election_round_key" ON "village_election_round" USING btree ("day_id","village_id","attempt");--> statement-breakpoint
CREATE INDEX "village_election_round_village_idx" ON "village_election_round" USING btree ("village_id");