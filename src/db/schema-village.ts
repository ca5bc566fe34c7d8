/**
 * Village-head elections ("Dân tin – Đảng cử", issue 8): one province-wide election day, the legal
 * steps per commune, and per village its rounds (the election, the re-election ordered by the
 * commune People's Committee) with their candidates and decided outcome, and the village's result
 * (the head elected or appointed, linked to the village-head post in the people register).
 */

import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { VillageElectionStatus } from "../domain/village/meeting.ts";
import { organisation, person, post, season, village } from "./schema.ts";

/** The one day all villages of an organisation's territory elect their heads. */
export const villageElectionDay = pgTable(
  "village_election_day",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    electionDate: date("election_date", { mode: "string" }).notNull(),
    termStart: integer("term_start").notNull(),
    termEnd: integer("term_end").notNull(),
    /** The organisation whose villages elect (the province). */
    rootOrgId: integer("root_org_id")
      .notNull()
      .references(() => organisation.id),
    /** The congress season whose village branch congresses follow the election. */
    seasonId: integer("season_id").references(() => season.id),
    /**
     * Public holidays (besides Saturdays and Sundays) that are not working days when counting the
     * commune People's Committee's 5 working days to recognise a result (Nghị định 59/2023).
     */
    holidays: date("holidays", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("village_election_day_code_key").on(t.code)],
);

/** The dates a commune did the legal steps before the day (null: not yet done). */
export const villageElectionStep = pgTable(
  "village_election_step",
  {
    dayId: integer("day_id")
      .notNull()
      .references(() => villageElectionDay.id),
    communeId: integer("commune_id")
      .notNull()
      .references(() => organisation.id),
    decisionOn: date("decision_on", { mode: "string" }),
    teamOn: date("team_on", { mode: "string" }),
    noticeOn: date("notice_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dayId, t.communeId] })],
);

/** One meeting of a village's household representatives: attempt 1, or 2 for the re-election. */
export const villageElectionRound = pgTable(
  "village_election_round",
  {
    id: serial("id").primaryKey(),
    dayId: integer("day_id")
      .notNull()
      .references(() => villageElectionDay.id),
    villageId: integer("village_id")
      .notNull()
      .references(() => village.id),
    attempt: integer("attempt").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    electorate: integer("electorate").notNull(),
    present: integer("present").notNull(),
    /** show-of-hands | secret-ballot */
    method: text("method").notNull(),
    issued: integer("issued"),
    collected: integer("collected"),
    valid: integer("valid"),
    invalid: integer("invalid"),
    /** The election team's members. */
    team: text("team").array().notNull(),
    /**
     * The procedural votes (Nghị định 59/2023): how many of those present approved the voting
     * method and the election team; each must be more than half of those present. Null: not recorded.
     */
    methodApprovals: integer("method_approvals"),
    teamApprovals: integer("team_approvals"),
    /** elected | re-election-needed | interim-needed (decided by the village-head rule set). */
    outcome: text("outcome").notNull(),
    explanation: text("explanation").notNull(),
    /** The rule set's whole result (quorum, threshold, each candidate's explanation). */
    decision: jsonb("decision").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    recordedBy: integer("recorded_by"),
  },
  (t) => [
    uniqueIndex("village_election_round_key").on(t.dayId, t.villageId, t.attempt),
    index("village_election_round_village_idx").on(t.villageId),
  ],
);

export const villageElectionCandidate = pgTable(
  "village_election_candidate",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => villageElectionRound.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    fullName: text("full_name").notNull(),
    /** branch-committee (agreed with the village branch committee) | self */
    nomination: text("nomination").notNull(),
    personId: integer("person_id").references(() => person.id),
    gender: text("gender").notNull(),
    birthDate: date("birth_date", { mode: "string" }),
    ethnicity: text("ethnicity").notNull(),
    votes: integer("votes").notNull(),
    elected: boolean("elected").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.position] })],
);

/**
 * Where a village stands on the day: its status, and the head (elected, or the interim head the
 * commune chair appointed) with the person and village-head post in the people register.
 */
export const villageElectionResult = pgTable(
  "village_election_result",
  {
    dayId: integer("day_id")
      .notNull()
      .references(() => villageElectionDay.id),
    villageId: integer("village_id")
      .notNull()
      .references(() => village.id),
    /** elected | re-election-needed | interim-needed | interim-appointed */
    status: text("status").$type<VillageElectionStatus>().notNull(),
    explanation: text("explanation").notNull(),
    headName: text("head_name"),
    headGender: text("head_gender"),
    headEthnicity: text("head_ethnicity"),
    headPersonId: integer("head_person_id").references(() => person.id),
    headPostId: integer("head_post_id").references(() => post.id),
    winnerVotes: integer("winner_votes"),
    winnerElectorate: integer("winner_electorate"),
    /** The first meeting's attendance (the turnout of the day). */
    electorate: integer("electorate"),
    present: integer("present"),
    interimDecision: text("interim_decision"),
    interimOn: date("interim_on", { mode: "string" }),
    /**
     * The commune People's Committee's recognition of the elected head (Nghị định 59/2023: within
     * 5 working days of the meeting); the head takes office, and the village-head post starts, on
     * the recognition day. Null: not yet recognised.
     */
    recognitionDecision: text("recognition_decision"),
    recognisedOn: date("recognised_on", { mode: "string" }),
    recognisedBy: text("recognised_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.dayId, t.villageId] }),
    index("village_election_result_status_idx").on(t.dayId, t.status),
  ],
);
