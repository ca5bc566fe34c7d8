ALTER TABLE "village_election_day" ADD COLUMN "holidays" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD COLUMN "recognition_decision" text;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD COLUMN "recognised_on" date;--> statement-breakpoint
ALTER TABLE "village_election_result" ADD COLUMN "recognised_by" text;--> statement-breakpoint
ALTER TABLE "village_election_round" ADD COLUMN "method_approvals" integer;--> statement-breakpoint
ALTER TABLE "village_election_round" ADD COLUMN "team_approvals" integer;