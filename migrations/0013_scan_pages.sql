CREATE TABLE "election_scan_page" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"bundle_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"file_name" text NOT NULL,
	"page" integer NOT NULL,
	"status" text NOT NULL,
	"proposed" jsonb NOT NULL,
	"reading" jsonb NOT NULL,
	"decided" jsonb,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "election_scan_page" ADD CONSTRAINT "election_scan_page_election_id_election_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."election"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_scan_page" ADD CONSTRAINT "election_scan_page_bundle_id_election_bundle_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."election_bundle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_scan_page" ADD CONSTRAINT "election_scan_page_entry_id_election_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."election_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "election_scan_page_hash_key" ON "election_scan_page" USING btree ("election_id","hash");--> statement-breakpoint
CREATE UNIQUE INDEX "election_scan_page_entry_seq_key" ON "election_scan_page" USING btree ("entry_id","seq");