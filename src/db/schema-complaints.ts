/**
 * Letters (đơn thư, `petition`) before the congresses (issue 9, BRIEF §7): the letter, the people
 * and organisations it concerns, the steps taken, its attachments (bytes kept in the database) and
 * the administrators' settings. Re-exported from schema.ts.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
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
import type { PetitionSettings, PetitionStatus } from "../domain/complaints/types.ts";
import { congress, organisation, person } from "./schema.ts";

/** Raw bytes (PostgreSQL bytea), read and written as Uint8Array on both engines. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
  toDriver(value) {
    return Buffer.from(value);
  },
  fromDriver(value) {
    return new Uint8Array(value);
  },
});

export const petition = pgTable(
  "petition",
  {
    id: serial("id").primaryKey(),
    /** "DT000123": the register number shown to users. */
    code: text("code").notNull(),
    /** The organisation whose subtree the letter belongs to: who may read it is decided by this. */
    orgId: integer("org_id")
      .notNull()
      .references(() => organisation.id),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    channel: text("channel").notNull(),
    senderType: text("sender_type").notNull(),
    senderIdentity: text("sender_identity").notNull(),
    senderName: text("sender_name"),
    senderAddress: text("sender_address"),
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    /** The congress it bears on, and whether it is about that congress's personnel. */
    congressId: integer("congress_id").references(() => congress.id),
    concernsPersonnel: boolean("concerns_personnel").notNull().default(false),
    status: text("status").$type<PetitionStatus>().notNull(),
    competentBody: text("competent_body"),
    assigneeName: text("assignee_name"),
    deadline: date("deadline", { mode: "string" }),
    deadlineRule: text("deadline_rule"),
    conclusion: text("conclusion"),
    conclusionText: text("conclusion_text"),
    concludedOn: date("concluded_on", { mode: "string" }),
    noticeOn: date("notice_on", { mode: "string" }),
    noticeText: text("notice_text"),
    /** The earliest letter of its group of letters about the same matter (null: not grouped). */
    duplicateOf: integer("duplicate_of"),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("petition_code_key").on(t.code),
    index("petition_org_idx").on(t.orgId),
    index("petition_congress_idx").on(t.congressId),
    index("petition_status_idx").on(t.status),
  ],
);

/** Who a letter concerns: a person or an organisation (exactly one per row). */
export const petitionSubject = pgTable(
  "petition_subject",
  {
    id: serial("id").primaryKey(),
    petitionId: integer("petition_id")
      .notNull()
      .references(() => petition.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => person.id),
    orgId: integer("org_id").references(() => organisation.id),
  },
  (t) => [
    index("petition_subject_petition_idx").on(t.petitionId),
    index("petition_subject_person_idx").on(t.personId),
    check("petition_subject_one", sql`(${t.personId} is null) <> (${t.orgId} is null)`),
  ],
);

export const petitionStep = pgTable(
  "petition_step",
  {
    id: serial("id").primaryKey(),
    petitionId: integer("petition_id")
      .notNull()
      .references(() => petition.id, { onDelete: "cascade" }),
    on: date("on", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    byLabel: text("by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("petition_step_petition_idx").on(t.petitionId)],
);

export const petitionAttachment = pgTable(
  "petition_attachment",
  {
    id: serial("id").primaryKey(),
    petitionId: integer("petition_id")
      .notNull()
      .references(() => petition.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("petition_attachment_petition_idx").on(t.petitionId)],
);

/** One row (id = 1): the rules administrators may change. */
export const petitionSettings = pgTable("petition_settings", {
  id: integer("id").primaryKey(),
  recordOnlyUnidentifiedDenunciations: boolean("record_only_unidentified_denunciations").notNull(),
  personnelLeadDays: integer("personnel_lead_days").notNull(),
  handlingDays: jsonb("handling_days").$type<PetitionSettings["handlingDays"]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedBy: integer("updated_by"),
});
