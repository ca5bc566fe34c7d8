/**
 * Elections at a congress (issue 5, BRIEF §3): what is elected and how, the list in ballot order,
 * the bundles of ballots, each clerk's independent entry of a bundle, the ballots themselves and
 * the entry log. The rules are the pure domain in src/domain/election; these tables only keep what
 * a count needs so that its count file (docs/count-format.md) can be rebuilt at any time.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Ballot, BaseFigures, Office, PartyElectionResult } from "../domain/election/index.ts";
import type { ScanReading } from "../domain/scan/interpret.ts";
import { appUser, congress, person } from "./schema.ts";

/**
 * One election (one round) at a congress. `status`: setup → counting → closed. A further round is a
 * new election with `round` + 1 and `previousElectionId` set (an explicit decision of the congress).
 */
export const election = pgTable(
  "election",
  {
    id: serial("id").primaryKey(),
    congressId: integer("congress_id")
      .notNull()
      .references(() => congress.id),
    /** "Bầu Ban Chấp hành Đảng bộ huyện khóa XXVI" (free text, printed on ballots and minutes). */
    title: text("title").notNull(),
    /** Office from the domain's OFFICES: committee, standing_committee, secretary, … */
    office: text("office").$type<Office>().notNull(),
    /** "party-190" (default) or "village-head": never mixed. */
    ruleSet: text("rule_set").notNull().default("party-190"),
    /** Settings of the rule set that differ from the defaults (Party190Settings, partial). */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    seats: integer("seats").notNull(),
    /** Alternate delegates elected on the same ballot (upper_congress_delegates only). */
    alternateSeats: integer("alternate_seats").notNull().default(0),
    round: integer("round").notNull().default(1),
    previousElectionId: integer("previous_election_id"),
    /** "committee" or "branch" (a chi bộ: a secretary not elected after round 3 falls to appointment). */
    electingOrganisation: text("electing_organisation")
      .$type<"branch" | "committee">()
      .notNull()
      .default("committee"),
    /** Base figures (BaseFigures: kind, convened and each subtraction); null until set up. */
    base: jsonb("base").$type<BaseFigures>(),
    /** Present when the ballots were issued; ballots issued and collected (null until known). */
    present: integer("present"),
    ballotsIssued: integer("ballots_issued"),
    ballotsCollected: integer("ballots_collected"),
    /** Ballots per bundle when bundles are created in one go (the last may be smaller). */
    bundleSize: integer("bundle_size").notNull().default(50),
    /** Independent entries each bundle needs before it can be accepted: 2 or 3. */
    entriesPerBundle: integer("entries_per_bundle").notNull().default(2),
    /** The counting committee (ban kiểm phiếu) for the minutes: [{ fullName, role }]. */
    countingCommittee: jsonb("counting_committee")
      .$type<readonly { readonly fullName: string; readonly role: string }[]>()
      .notNull()
      .default([]),
    /** The day of the count (minutes). */
    heldOn: date("held_on", { mode: "string" }),
    venue: text("venue"),
    status: text("status").$type<"setup" | "counting" | "closed">().notNull().default("setup"),
    countingStartedAt: timestamp("counting_started_at", { withTimezone: true, mode: "date" }),
    /** What the projection page shows: a snapshot of the result taken when the committee released it. */
    released: boolean("released").notNull().default(false),
    releasedAt: timestamp("released_at", { withTimezone: true, mode: "date" }),
    releasedResult: jsonb("released_result").$type<PartyElectionResult>(),
    /** The result (count-result JSON) fixed when the count was closed. */
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    closedBy: integer("closed_by"),
    result: jsonb("result").$type<PartyElectionResult>(),
    /** Bumped on every change of the setup or the count (optimistic checks, SSE). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: integer("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("election_congress_idx").on(t.congressId)],
);

/** The list in ballot order: `position` 1 is number 1 on the ballot. */
export const electionCandidate = pgTable(
  "election_candidate",
  {
    id: serial("id").primaryKey(),
    electionId: integer("election_id")
      .notNull()
      .references(() => election.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The register's person, when the candidate is in it (results flow into their posts). */
    personId: integer("person_id").references(() => person.id),
    fullName: text("full_name").notNull(),
    /** "committee" (the convening committee's list) or "floor" (nominated at the congress). */
    nominatedBy: text("nominated_by").notNull().default("committee"),
    /** Floor nominees: how many of those present approved the nomination (> 30% needed). */
    floorApprovals: integer("floor_approvals"),
  },
  (t) => [uniqueIndex("election_candidate_position_key").on(t.electionId, t.position)],
);

/** A bundle (tập) of ballots, entered independently by 2–3 clerks. status: open | accepted. */
export const electionBundle = pgTable(
  "election_bundle",
  {
    id: serial("id").primaryKey(),
    electionId: integer("election_id")
      .notNull()
      .references(() => election.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    expectedBallots: integer("expected_ballots").notNull(),
    status: text("status").$type<"open" | "accepted">().notNull().default("open"),
    /** The entry whose ballots stand for the bundle once all entries agreed. */
    acceptedEntryId: integer("accepted_entry_id"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedBy: integer("accepted_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("election_bundle_number_key").on(t.electionId, t.number)],
);

/**
 * One clerk's entry of one bundle. status: entering | finished | discarded (sent back for
 * re-entry). A clerk has at most one live (not discarded) entry per bundle.
 */
export const electionEntry = pgTable(
  "election_entry",
  {
    id: serial("id").primaryKey(),
    electionId: integer("election_id")
      .notNull()
      .references(() => election.id, { onDelete: "cascade" }),
    bundleId: integer("bundle_id")
      .notNull()
      .references(() => electionBundle.id, { onDelete: "cascade" }),
    clerkUserId: integer("clerk_user_id")
      .notNull()
      .references(() => appUser.id),
    clerkLabel: text("clerk_label").notNull(),
    status: text("status").$type<"entering" | "finished" | "discarded">().notNull().default("entering"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("election_entry_bundle_idx").on(t.bundleId),
    uniqueIndex("election_entry_live_key")
      .on(t.bundleId, t.clerkUserId)
      .where(sql`${t.status} <> 'discarded'`),
  ],
);

/**
 * Ballots of an entry, in the order entered. `ballot` is the domain's Ballot JSON. Undo marks the
 * last live ballot `undoneAt` (never deletes it), so a retried append with the same idempotency
 * key still finds it and never enters it twice.
 */
export const electionBallot = pgTable(
  "election_ballot",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => electionEntry.id, { onDelete: "cascade" }),
    electionId: integer("election_id").notNull(),
    seq: integer("seq").notNull(),
    ballot: jsonb("ballot").$type<Ballot>().notNull(),
    /** Generated by the client per ballot; a retry with the same key returns the same ballot. */
    idempotencyKey: text("idempotency_key").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("election_ballot_key").on(t.idempotencyKey),
    uniqueIndex("election_ballot_entry_seq_key").on(t.entryId, t.seq),
  ],
);

/** The entry log (nhật ký nhập phiếu): every action of every clerk and of the committee, with time. */
export const electionLog = pgTable(
  "election_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    electionId: integer("election_id")
      .notNull()
      .references(() => election.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    userId: integer("user_id"),
    userLabel: text("user_label").notNull(),
    /** start-counting, bundle-created, entry-started, ballot, undo, entry-finished, accepted, sent-back, released, closed, reopened… */
    action: text("action").notNull(),
    bundleNumber: integer("bundle_number"),
    entryId: integer("entry_id"),
    /** Vietnamese text of the action, as printed in the annex of the minutes. */
    text: text("text").notNull(),
    details: jsonb("details"),
  },
  (t) => [index("election_log_election_idx").on(t.electionId, t.id)],
);

/**
 * A scanned page of a bundle (issue 18): what the reader proposed, why it waits for the counting
 * committee if it does, and the committee's decision. A scanned bundle is an entry like a clerk's
 * (`entryId`); a page's ballot is inserted into that entry at `seq` when it is read with certainty
 * or once it is adjudicated. `hash` (SHA-256 of the page) refuses the same page scanned twice.
 * `image` is the sheet straightened onto the layout (greyscale PNG, base64), kept only for pages
 * waiting for or having had adjudication.
 */
export const electionScanPage = pgTable(
  "election_scan_page",
  {
    id: serial("id").primaryKey(),
    electionId: integer("election_id")
      .notNull()
      .references(() => election.id, { onDelete: "cascade" }),
    bundleId: integer("bundle_id")
      .notNull()
      .references(() => electionBundle.id, { onDelete: "cascade" }),
    entryId: integer("entry_id")
      .notNull()
      .references(() => electionEntry.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    hash: text("hash").notNull(),
    fileName: text("file_name").notNull(),
    page: integer("page").notNull(),
    /** accepted (read with certainty) | pending (waits for adjudication) | adjudicated */
    status: text("status").$type<"accepted" | "pending" | "adjudicated">().notNull(),
    proposed: jsonb("proposed").$type<Ballot>().notNull(),
    /** Row decisions and adjudication reasons (domain ScanReading without the proposal). */
    reading: jsonb("reading").$type<Omit<ScanReading, "proposed">>().notNull(),
    /** The ballot counted (null while pending). */
    decided: jsonb("decided").$type<Ballot>(),
    image: text("image"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("election_scan_page_hash_key").on(t.electionId, t.hash),
    uniqueIndex("election_scan_page_entry_seq_key").on(t.entryId, t.seq),
  ],
);
