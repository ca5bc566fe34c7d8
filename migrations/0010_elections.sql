-- Elections at a congress (issue 5): elections, candidates in ballot order, bundles, clerk entries, ballots (idempotency keys), entry log.
CREATE TABLE "election" (
	"id" serial PRIMARY KEY NOT NULL,
	"congress_id" integer NOT NULL,
	"title" text NOT NULL,
	"office" text NOT NULL,
	"rule_set" text DEFAULT 'party-190' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seats" integer NOT NULL,
	"alternate_seats" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"previous_election_id" integer,
	"electing_organisation" text DEFAULT 'committee' NOT NULL,
	"base" jsonb,
	"present" integer,
	"ballots_issued" integer,
	"ballots_collected" integer,
	"bundle_size" integer DEFAULT 50 NOT NULL,
	"entries_per_bundle" integer DEFAULT 2 NOT NULL,
	"counting_committee" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"held_on" date,
	"venue" text,
	"status" text DEFAULT 'setup' NOT NULL,
	"counting_started_at" timestamp with time zone,
	"released" boolean DEFAULT false NOT NULL,
	"released_at" timestamp with time zone,
	"released_result" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"result" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_ballot" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "election_ballot_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" integer NOT NULL,
	"election_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"ballot" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "election_bundle" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"number" integer NOT NULL,
	"expected_ballots" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"accepted_entry_id" integer,
	"accepted_at" timestamp with time zone,
	"accepted_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_candidate" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"position" integer NOT NULL,
	"person_id" integer,
	"full_name" text NOT NULL,
	"nominated_by" text DEFAULT 'committee' NOT NULL,
	"floor_approvals" integer
);
--> statement-breakpoint
CREATE TABLE "election_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"bundle_id" integer NOT NULL,
	"clerk_user_id" integer NOT NULL,
	"clerk_label" text NOT NULL,
	"status" text DEFAULT 'entering' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "election_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "election_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_label" text NOT NULL,
	"action" text NOT NULL,
	"bundle_number" integer,
	"entry_id" integer,
	"text" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "election" ADD CONSTRAINT "election_congress_id_congress_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congress"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_ballot" ADD CONSTRAINT "election_ballot_entry_id_election_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."election_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_bundle" ADD CONSTRAINT "election_bundle_election_id_election_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."election"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidate" ADD CONSTRAINT "election_candidate_election_id_election_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."election"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidate" ADD CONSTRAINT "election_candidate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_entry" ADD CONSTRAINT "election_entry_election_id_election_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."election"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_entry" ADD CONSTRAINT "election_entry_bundle_id_election_bundle_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."election_bundle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_entry" ADD CONSTRAINT "election_entry_clerk_user_id_app_user_id_fk" FOREIGN KEY ("clerk_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_log" ADD CONSTRAINT "election_log_election_id_election_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."election"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "election_congress_idx" ON "election" USING btree ("congress_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_ballot_key" ON "election_ballot" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "election_ballot_entry_seq_key" ON "election_ballot" USING btree ("entry_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "election_bundle_number_key" ON "election_bundle" USING btree ("election_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "election_candidate_position_key" ON "election_candidate" USING btree ("election_id","position");--> statement-breakpoint
CREATE INDEX "election_entry_bundle_idx" ON "election_entry" USING btree ("bundle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_entry_live_key" ON "election_entry" USING btree ("bundle_id","clerk_user_id") WHERE "election_entry"."status" <> 'discarded';--> statement-breakpoint
CREATE INDEX "election_log_election_idx" ON "election_log" USING btree ("election_id","id");