/**
 * The one Drizzle schema for both engines (PGlite and PostgreSQL 15). Migrations in /migrations
 * are generated from it by drizzle-kit; extensions come from a hand-written first migration.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
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
import type { CongressStatus } from "../domain/congress/record.ts";
import type { MembershipStatus } from "../domain/people/types.ts";
import type { Report } from "../domain/report/model.ts";

/** ltree materialised path of organisation ids ("1.21.734"): subtree queries use its GiST index. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return "ltree";
  },
});

/** Levels of the hierarchy are data (the 2025 reform removed one). */
export const orgLevel = pgTable("org_level", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** Order from the top (0 = province). Used for display and sorting only; containment is `allowedParents`. */
  rank: integer("rank").notNull(),
  /** Level codes this level may sit directly under; empty for the top. */
  allowedParents: text("allowed_parents").array().notNull(),
  /** Whether this level counts as a grassroots organisation (tổ chức cơ sở đảng). */
  isGrassroots: boolean("is_grassroots").notNull().default(false),
});

export const orgKind = pgTable("org_kind", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** territorial (province, city, district, commune, village…) or sector (agency, enterprise, armed forces…). */
  family: text("family").notNull(),
  /** Commune-level kinds (xã, phường, thị trấn): the most watched grassroots organisations. */
  isCommuneLevel: boolean("is_commune_level").notNull().default(false),
  isRural: boolean("is_rural").notNull().default(false),
});

export const organisation = pgTable(
  "organisation",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** name folded to lower case without diacritics, for "hong gai" → "Phường Hồng Gai". */
    searchName: text("search_name").notNull(),
    levelCode: text("level_code")
      .notNull()
      .references(() => orgLevel.code),
    kindCode: text("kind_code")
      .notNull()
      .references(() => orgKind.code),
    sector: text("sector"),
    parentId: integer("parent_id"),
    path: ltree("path").notNull(),
    depth: integer("depth").notNull(),
    dissolvedOn: date("dissolved_on", { mode: "string" }),
    dissolvedReason: text("dissolved_reason"),
    /**
     * The territory the organisation leads, as administrative-unit codes (hometowns use the same
     * codes), to decide who is "local". Null: inherited from the nearest ancestor that has one
     * (a branch leads within its commune; a sector committee under the province within the province).
     */
    territoryProvince: text("territory_province"),
    territoryDistrict: text("territory_district"),
    territoryCommune: text("territory_commune"),
    /** Free labels an officer attaches (a merged agency model…), matched by indicator org filters. */
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisation_code_key").on(t.code),
    index("organisation_parent_idx").on(t.parentId),
    index("organisation_path_gist").using("gist", t.path),
    index("organisation_search_trgm").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** Villages and residential areas (thôn, bản, khu phố, tổ dân phố): not party organisations; a branch serves one. */
export const village = pgTable(
  "village",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** thôn | bản | khu phố | tổ dân phố */
    kind: text("kind").notNull(),
    /** The commune-level grassroots organisation whose territory holds the village. */
    communeId: integer("commune_id").notNull(),
    /** The village branch that serves it. */
    branchId: integer("branch_id"),
  },
  (t) => [
    uniqueIndex("village_code_key").on(t.code),
    index("village_commune_idx").on(t.communeId),
    uniqueIndex("village_branch_key").on(t.branchId),
  ],
);

/**
 * Append-only, hash-chained audit log: every write to results, people or organisations appends an
 * entry in the same transaction. `hash` = sha256 over the entry's content and `prev_hash`.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The organisation whose subtree the record belongs to (for scoped history views). */
    orgId: integer("org_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_org_idx").on(t.orgId),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_at_idx").on(t.at),
  ],
);

/** Accounts. `username` is stored lower-cased; the password only as an argon2id hash. */
export const appUser = pgTable(
  "app_user",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Set for a new account and after an administrator's reset: the next login must change it. */
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    disabled: boolean("disabled").notNull().default(false),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true, mode: "date" }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("app_user_username_key").on(t.username)],
);

/**
 * What a user may do where. role: admin (everything, no org) | officer | viewer (an org's subtree) |
 * counting_member (one congress's count: `congressRef` is filled by the election issue).
 * `petitions` lets an officer also handle complaints (the complaints issue).
 */
export const userGrant = pgTable(
  "user_grant",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    orgId: integer("org_id").references(() => organisation.id),
    congressRef: text("congress_ref"),
    petitions: boolean("petitions").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: integer("created_by"),
  },
  (t) => [index("user_grant_user_idx").on(t.userId), index("user_grant_org_idx").on(t.orgId)],
);

/**
 * Server-side sessions shared by every server process. `id` is the sha256 (hex) of the random
 * 32-byte cookie token, so a leaked table does not yield usable cookies.
 */
export const userSession = pgTable(
  "user_session",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Absolute expiry; idle expiry is last_seen_at + the configured idle timeout. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("user_session_user_idx").on(t.userId), index("user_session_expires_idx").on(t.expiresAt)],
);

/** Every login attempt (known usernames or not), for per-account and per-address lockout. */
export const loginAttempt = pgTable(
  "login_attempt",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
  },
  (t) => [
    index("login_attempt_username_idx").on(t.username, t.at),
    index("login_attempt_ip_idx").on(t.ip, t.at),
  ],
);

/** A congress season (mùa đại hội) and the plan that fixes it (BRIEF §2). */
export const season = pgTable(
  "season",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    termStart: integer("term_start").notNull(),
    termEnd: integer("term_end").notNull(),
    planNumber: text("plan_number").notNull(),
    planDate: date("plan_date", { mode: "string" }).notNull(),
    planIssuer: text("plan_issuer").notNull(),
    planTitle: text("plan_title"),
    /** The plan's dateline place (the province's seat, "Hạ Long"): the province's reports are dated there. */
    planPlace: text("plan_place"),
    directiveNumber: text("directive_number").notNull(),
    directiveDate: date("directive_date", { mode: "string" }).notNull(),
    directiveIssuer: text("directive_issuer").notNull(),
    directiveTitle: text("directive_title"),
    /** The top organisation the season covers (the province). */
    rootOrgId: integer("root_org_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("season_code_key").on(t.code)],
);

/** A level of congresses within a season: which organisation levels, its term, window and deadlines. */
export const seasonLevel = pgTable(
  "season_level",
  {
    seasonId: integer("season_id")
      .notNull()
      .references(() => season.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    order: integer("sort_order").notNull(),
    orgLevels: text("org_levels").array().notNull(),
    termStart: integer("term_start").notNull(),
    termEnd: integer("term_end").notNull(),
    windowStart: date("window_start", { mode: "string" }).notNull(),
    windowEnd: date("window_end", { mode: "string" }).notNull(),
    provinceDeadline: date("province_deadline", { mode: "string" }),
    centralDeadline: date("central_deadline", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.code] })],
);

/** One organisation's congress in one season. */
export const congress = pgTable(
  "congress",
  {
    id: serial("id").primaryKey(),
    seasonId: integer("season_id")
      .notNull()
      .references(() => season.id),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisation.id),
    /** The season level code the congress belongs to (from the organisation's level). */
    levelCode: text("level_code").notNull(),
    type: text("type").notNull(),
    pilot: boolean("pilot").notNull().default(false),
    status: text("status").$type<CongressStatus>().notNull(),
    plannedStart: date("planned_start", { mode: "string" }).notNull(),
    plannedEnd: date("planned_end", { mode: "string" }).notNull(),
    venue: text("venue"),
    actualStart: date("actual_start", { mode: "string" }),
    actualEnd: date("actual_end", { mode: "string" }),
    contents: text("contents").array().notNull(),
    committeeAppointed: boolean("committee_appointed").notNull().default(false),
    convened: integer("convened"),
    present: integer("present"),
    resultsRecordedOn: date("results_recorded_on", { mode: "string" }),
    committeeSeatsDecided: integer("committee_seats_decided"),
    committeeSeatsElected: integer("committee_seats_elected"),
    electedInOneRoundFull: boolean("elected_in_one_round_full"),
    secretaryElectedDirectly: boolean("secretary_elected_directly"),
    secretaryVotes: integer("secretary_votes"),
    secretaryVoteBase: integer("secretary_vote_base"),
    confirmationNumber: text("confirmation_number"),
    confirmationDate: date("confirmation_date", { mode: "string" }),
    /** Who to call about this congress (the late list shows it). */
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("congress_season_org_key").on(t.seasonId, t.orgId),
    // A season's pilot list is read with every season; pilots are a handful among all congresses.
    index("congress_pilot_idx").on(t.seasonId).where(sql`${t.pilot}`),
    index("congress_season_level_idx").on(t.seasonId, t.levelCode, t.actualEnd),
  ],
);

/**
 * Incrementally maintained progress roll-up: for each ancestor (the organisation itself included),
 * organisation level and kind, metric and day, how many congresses below it changed that metric on
 * that day. A figure "as of D" is the sum over days ≤ D, so any date, any deadline and the
 * cumulative curves come from the same rows. Kept exact inside every write's transaction.
 */
export const congressRollup = pgTable(
  "congress_rollup",
  {
    seasonId: integer("season_id").notNull(),
    ancestorId: integer("ancestor_id").notNull(),
    levelCode: text("level_code").notNull(),
    orgLevel: text("org_level").notNull(),
    orgKind: text("org_kind").notNull(),
    metric: text("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seasonId, t.ancestorId, t.levelCode, t.metric, t.orgLevel, t.orgKind, t.day] }),
  ],
);

/**
 * The people register (BRIEF §4). `code` is the person's stable code (files reference it: "Mã
 * người"); `search_name` the folded name; `duplicate_key` the folded name + birth date + hometown
 * codes that import uses to find possible duplicates (never merged silently).
 */
export const person = pgTable(
  "person",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    fullName: text("full_name").notNull(),
    searchName: text("search_name").notNull(),
    duplicateKey: text("duplicate_key").notNull(),
    gender: text("gender").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    ethnicity: text("ethnicity").notNull(),
    hometownProvinceCode: text("hometown_province_code").notNull(),
    hometownProvinceName: text("hometown_province_name").notNull(),
    hometownDistrictCode: text("hometown_district_code"),
    hometownDistrictName: text("hometown_district_name"),
    hometownCommuneCode: text("hometown_commune_code"),
    hometownCommuneName: text("hometown_commune_name"),
    /** official | probationary; null: not a Party member. */
    membershipStatus: text("membership_status").$type<MembershipStatus>(),
    joinedOn: date("joined_on", { mode: "string" }),
    officialOn: date("official_on", { mode: "string" }),
    education: text("education"),
    politicalTheory: text("political_theory"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("person_code_key").on(t.code),
    index("person_duplicate_key_idx").on(t.duplicateKey),
    index("person_search_trgm").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** "Local" decided by hand for one organisation led, with its reason. */
export const personLocalOverride = pgTable(
  "person_local_override",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisation.id),
    local: boolean("local").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.orgId] })],
);

/** A post held from `start_on` until the day before `end_on` (null: in office). Several at once are normal. */
export const post = pgTable(
  "post",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    orgId: integer("org_id").references(() => organisation.id),
    /** Village head: the village's code (village.code). */
    villageCode: text("village_code"),
    term: text("term"),
    title: text("title"),
    startOn: date("start_on", { mode: "string" }).notNull(),
    endOn: date("end_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("post_person_idx").on(t.personId),
    index("post_org_kind_idx").on(t.orgId, t.kind),
    index("post_village_idx").on(t.villageCode),
  ],
);

/**
 * Indicators users define in the UI (issue 6): `definition` is an IndicatorDef validated by
 * indicatorDefSchema. `org_id` is the organisation of the officer who defined it (who may edit it).
 */
export const indicatorDefinition = pgTable(
  "indicator_definition",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    definition: jsonb("definition").notNull(),
    orgId: integer("org_id").references(() => organisation.id),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("indicator_definition_code_key").on(t.code)],
);

/**
 * Reports are snapshots (issue 7): `report` is a Report (src/domain/report, reportSchema) with its
 * figures frozen, the officer's edited text inside it; `data_version` is the newest audit id when
 * it was generated (every write appends one), so "what changed since" has a reference.
 * `previous_id`: the snapshot it was regenerated from.
 */
export const reportSnapshot = pgTable(
  "report_snapshot",
  {
    id: serial("id").primaryKey(),
    template: text("template").notNull(),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisation.id),
    seasonId: integer("season_id")
      .notNull()
      .references(() => season.id),
    asOf: date("as_of", { mode: "string" }).notNull(),
    dataVersion: integer("data_version").notNull(),
    report: jsonb("report").$type<Report>().notNull(),
    previousId: integer("previous_id"),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("report_snapshot_org_idx").on(t.orgId)],
);

export const schema = {
  orgLevel,
  orgKind,
  organisation,
  village,
  auditLog,
  appUser,
  userGrant,
  userSession,
  loginAttempt,
  season,
  seasonLevel,
  congress,
  congressRollup,
  person,
  personLocalOverride,
  post,
  indicatorDefinition,
  reportSnapshot,
};
export type Schema = typeof schema;
export * from "./schema-complaints.ts";
export * from "./schema-elections.ts";
export * from "./schema-history.ts";
export * from "./schema-indicator-rollup.ts";
export * from "./schema-village.ts";
