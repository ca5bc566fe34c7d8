/**
 * Organisations through time (issue 15). `organisation` keeps the current state (the "today"
 * cache every present-day read uses); `organisation_version` keeps every state the organisation
 * had, each valid from a day (inclusive) to a day (exclusive; null: still valid), with the ltree
 * path of ids of that period. An organisation is founded on the `valid_from` of its first version
 * and ends on the `valid_to` of its last (= `organisation.dissolved_on`). Reads "as of D" use the
 * versions valid on D; the congress roll-up is dated by them, so a change on D only changes
 * figures from D on.
 */
import { sql } from "drizzle-orm";
import {
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisation } from "./schema.ts";

/** The same ltree type as schema.ts declares (declared here: schema.ts re-exports this file, so its own is not initialised yet). */
const ltree = customType<{ data: string }>({
  dataType() {
    return "ltree";
  },
});

export const organisationVersion = pgTable(
  "organisation_version",
  {
    id: serial("id").primaryKey(),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    name: text("name").notNull(),
    searchName: text("search_name").notNull(),
    levelCode: text("level_code").notNull(),
    kindCode: text("kind_code").notNull(),
    sector: text("sector"),
    parentId: integer("parent_id"),
    path: ltree("path").notNull(),
    depth: integer("depth").notNull(),
    territoryProvince: text("territory_province"),
    territoryDistrict: text("territory_district"),
    territoryCommune: text("territory_commune"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("organisation_version_org_from_key").on(t.orgId, t.validFrom),
    index("organisation_version_parent_idx").on(t.parentId, t.validFrom),
    index("organisation_version_path_gist").using("gist", t.path),
    index("organisation_version_search_trgm").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);

/**
 * Successor links: a merger links every merged organisation to the one it became part of, a split
 * links the split organisation to each new one. `day` is the day the change took effect.
 */
export const organisationSuccession = pgTable(
  "organisation_succession",
  {
    id: serial("id").primaryKey(),
    predecessorId: integer("predecessor_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    successorId: integer("successor_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    /** merge | split */
    operation: text("operation").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisation_succession_key").on(t.predecessorId, t.successorId),
    index("organisation_succession_successor_idx").on(t.successorId),
  ],
);
