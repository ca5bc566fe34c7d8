/**
 * Indicator counts kept by day for the biggest subtrees (a country): per season, indicator
 * definition (`def_key` = code + hash of the definition, so an edited definition is counted anew)
 * and unit (a child of the big node, or the node itself for members placed exactly on it), the
 * cumulative numerator and denominator from each day on which they change. The value on D is the
 * row with the greatest day ≤ D: one index probe per unit and indicator.
 */
import { bigint, boolean, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organisation, season } from "./schema.ts";

export const indicatorRollup = pgTable(
  "indicator_rollup",
  {
    seasonId: integer("season_id")
      .notNull()
      .references(() => season.id, { onDelete: "cascade" }),
    defKey: text("def_key").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    selfOnly: boolean("self_only").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    numerator: integer("numerator").notNull(),
    denominator: integer("denominator").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.unitId, t.selfOnly, t.defKey, t.day] })],
);

/**
 * What a unit's rows were counted from: the newest audit entry then (a later entry about the
 * unit's subtree makes them stale) and the definitions counted. `self_only`: members placed
 * exactly on the unit (the big node itself), not its subtree.
 */
export const indicatorRollupUnit = pgTable(
  "indicator_rollup_unit",
  {
    seasonId: integer("season_id")
      .notNull()
      .references(() => season.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "cascade" }),
    selfOnly: boolean("self_only").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    defKeys: text("def_keys").array().notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.unitId, t.selfOnly] })],
);
