-- Letters (đơn thư) before the congresses (issue 9): the letter, the people and organisations it
-- concerns, the steps taken, attachments stored as bytea, and the administrators' settings row.
CREATE TABLE "petition" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"org_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"sender_type" text NOT NULL,
	"sender_identity" text NOT NULL,
	"sender_name" text,
	"sender_address" text,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"congress_id" integer,
	"concerns_personnel" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"competent_body" text,
	"assignee_name" text,
	"deadline" date,
	"deadline_rule" text,
	"conclusion" text,
	"conclusion_text" text,
	"concluded_on" date,
	"notice_on" date,
	"notice_text" text,
	"duplicate_of" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"petition_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"record_only_unidentified_denunciations" boolean NOT NULL,
	"personnel_lead_days" integer NOT NULL,
	"handling_days" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "petition_step" (
	"id" serial PRIMARY KEY NOT NULL,
	"petition_id" integer NOT NULL,
	"on" date NOT NULL,
	"description" text NOT NULL,
	"by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_subject" (
	"id" serial PRIMARY KEY NOT NULL,
	"petition_id" integer NOT NULL,
	"person_id" integer,
	"org_id" integer,
	CONSTRAINT "petition_subject_one" CHECK (("petition_subject"."person_id" is null) <> ("petition_subject"."org_id" is null))
);
--> statement-breakpoint
ALTER TABLE "petition" ADD CONSTRAINT "petition_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition" ADD CONSTRAINT "petition_congress_id_congress_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congress"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachment" ADD CONSTRAINT "petition_attachment_petition_id_petition_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_step" ADD CONSTRAINT "petition_step_petition_id_petition_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_subject" ADD CONSTRAINT "petition_subject_petition_id_petition_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_subject" ADD CONSTRAINT "petition_subject_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_subject" ADD CONSTRAINT "petition_subject_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_code_key" ON "petition" USING btree ("code");--> statement-breakpoint
CREATE INDEX "petition_org_idx" ON "petition" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "petition_congress_idx" ON "petition" USING btree ("congress_id");--> statement-breakpoint
CREATE INDEX "petition_status_idx" ON "petition" USING btree ("status");--> statement-breakpoint
CREATE INDEX "petition_attachment_petition_idx" ON "petition_attachment" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_step_petition_idx" ON "petition_step" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_subject_petition_idx" ON "petition_subject" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_subject_person_idx" ON "petition_subject" USING btree ("person_id");