/**
 * SQL of the indicator roll-up (schema-indicator-rollup.ts): which units of a big subtree are
 * stale, replacing a unit's rows, and reading every unit's counts on a day.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

type Rows<T> = { rows: T[] };

/** The audit entry's entity id as an integer (null when it is not one), so the post indexes apply. */
const idOfEntity = sql.raw(`(case when a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end)`);

export interface RollupUnit {
  readonly id: number;
  /** The big node the unit is counted for (a unit of the node itself: its id). */
  readonly nodeId: number;
  /** Today's path (the unit's path on a day is its version's). */
  readonly path: string;
  readonly name: string;
  /** Members placed exactly on the organisation, not its subtree (the big node itself). */
  readonly selfOnly: boolean;
}

/** Organisations in the subtree (the big-node test). */
export async function countOrgsInSubtree(db: Db, path: string): Promise<number> {
  const res = (await db.execute(
    sql`select count(*)::int as n from organisation where path <@ ${path}::ltree`,
  )) as unknown as Rows<{ n: number }>;
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * The node itself (self only) and each organisation that was ever its child (with its subtree of
 * those periods): a unit counts the members whose organisation's path, in its own period, has the
 * unit directly under the node (issue 15).
 */
export async function unitsOf(db: Db, nodeId: number): Promise<RollupUnit[]> {
  const res = (await db.execute(sql`
    select id, path::text as path, name, (id = ${nodeId}) as "selfOnly" from organisation
     -- One set of ids, not an OR of conditions: the OR made PostgreSQL scan every organisation
     -- (~120 ms a request at national scale); the union is three index probes (~9 ms).
     where id in (select ${nodeId}::int union select id from organisation where parent_id = ${nodeId}
                  union select org_id from organisation_version where parent_id = ${nodeId})
     order by (id = ${nodeId}) desc, path`)) as unknown as Rows<Omit<RollupUnit, "nodeId">>;
  return res.rows.map((r) => ({ ...r, id: Number(r.id), nodeId }));
}

/** Whether a dated path (of its own period) counts for the unit: directly under the node, or the node itself. */
export function pathCountsFor(path: string, unit: RollupUnit): boolean {
  if (unit.selfOnly) return path === String(unit.id) || path.endsWith(`.${unit.id}`);
  return `.${path}.`.includes(`.${unit.nodeId}.${unit.id}.`);
}

/**
 * Units whose rows are missing, lack one of `defKeys`, or were counted before a later audit entry
 * about their subtree (organisations, people, posts, congresses, villages; an entry with no
 * organisation concerns every unit). A person's or a post's entry concerns the units of all the
 * person's posts.
 */
export async function staleUnits(
  db: Db,
  seasonId: number,
  units: readonly RollupUnit[],
  defKeys: readonly string[],
): Promise<RollupUnit[]> {
  if (units.length === 0) return [];
  const state = (await db.execute(sql`
    select unit_id as "unitId", self_only as "selfOnly", version, def_keys as "defKeys"
      from indicator_rollup_unit
     where season_id = ${seasonId} and unit_id in ${sql.raw(`(${units.map((u) => u.id).join(",")})`)}`)) as unknown as Rows<{
    unitId: number;
    selfOnly: boolean;
    version: number;
    defKeys: string[];
  }>;
  const stateOf = new Map(state.rows.map((r) => [`${Number(r.unitId)}|${r.selfOnly}`, r]));
  const stale = new Set<RollupUnit>();
  const counted: { unit: RollupUnit; version: number }[] = [];
  for (const u of units) {
    const st = stateOf.get(`${u.id}|${u.selfOnly}`);
    if (!st || !defKeys.every((k) => st.defKeys.includes(k))) stale.add(u);
    else counted.push({ unit: u, version: Number(st.version) });
  }
  if (counted.length > 0) {
    const since = Math.min(...counted.map((c) => c.version));
    // The organisations touched since then, with the newest entry about each (null: all of them).
    const changed = (await db.execute(sql`
      with changed as (
        select a.id, a.org_id from audit_log a
         where a.id > ${since} and a.entity in ('organisation', 'post', 'congress', 'village', 'season', 'person')
        union all
        -- A person's change, or a change of one of their posts, may change how their other posts count.
        select a.id, coalesce(p.org_id, v.branch_id, v.commune_id) from audit_log a
          join post p on p.person_id = ${idOfEntity}
          left join village v on v.code = p.village_code
         where a.id > ${since} and a.entity = 'person'
        union all
        select a.id, coalesce(p.org_id, v.branch_id, v.commune_id) from audit_log a
          join post p1 on p1.id = ${idOfEntity}
          join post p on p.person_id = p1.person_id
          left join village v on v.code = p.village_code
         where a.id > ${since} and a.entity = 'post'
      )
      -- Every place the organisation ever stood: a move or a merger touches the units before and after.
      select v.path::text as path, max(c.id)::bigint as id from changed c
        left join organisation_version v on v.org_id = c.org_id
       group by v.path`)) as unknown as Rows<{ path: string | null; id: number }>;
    for (const { unit, version } of counted) {
      const touched = changed.rows.some(
        (c) => Number(c.id) > version && (c.path === null || pathCountsFor(c.path, unit)),
      );
      if (touched) stale.add(unit);
    }
  }
  return units.filter((u) => stale.has(u));
}

export interface RollupRow {
  readonly defKey: string;
  readonly day: string;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Replaces a unit's rows in one transaction. Two server processes refreshing the same unit wait
 * for each other (an advisory lock on season and unit) rather than interleave.
 */
export async function replaceUnitRollup(
  db: Db,
  seasonId: number,
  unit: RollupUnit,
  version: number,
  defKeys: readonly string[],
  rows: readonly RollupRow[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${seasonId}, ${unit.id * 2 + (unit.selfOnly ? 1 : 0)})`,
    );
    await tx.execute(sql`delete from indicator_rollup
      where season_id = ${seasonId} and unit_id = ${unit.id} and self_only = ${unit.selfOnly}`);
    const BATCH = 20_000;
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH));
      await tx.execute(sql`insert into indicator_rollup (season_id, def_key, unit_id, self_only, day, numerator, denominator)
        select ${seasonId}, r."defKey", ${unit.id}, ${unit.selfOnly}, r.day::date, r.numerator, r.denominator
          from json_to_recordset(${batch}::json) as r("defKey" text, day text, numerator int, denominator int)`);
    }
    await tx.execute(sql`insert into indicator_rollup_unit (season_id, unit_id, self_only, version, def_keys, refreshed_at)
      values (${seasonId}, ${unit.id}, ${unit.selfOnly}, ${version}, ${`{${defKeys.map((k) => `"${k}"`).join(",")}}`}::text[], now())
      on conflict (season_id, unit_id, self_only)
      do update set version = excluded.version, def_keys = excluded.def_keys, refreshed_at = now()`);
  });
}

export interface UnitCounts {
  readonly unitId: number;
  readonly selfOnly: boolean;
  readonly defKey: string;
  readonly numerator: number;
  readonly denominator: number;
}

/** Every unit's counts on `asOf` for each definition: the latest row on or before the day. */
export async function readUnitCounts(
  db: Db,
  seasonId: number,
  units: readonly RollupUnit[],
  defKeys: readonly string[],
  asOf: string,
): Promise<UnitCounts[]> {
  if (units.length === 0 || defKeys.length === 0) return [];
  const res = (await db.execute(sql`
    select u.unit_id as "unitId", u.self_only as "selfOnly", k.def_key as "defKey",
           r.numerator, r.denominator
      from unnest(${`{${units.map((x) => x.id).join(",")}}`}::int[], ${`{${units.map((x) => x.selfOnly).join(",")}}`}::boolean[]) as u(unit_id, self_only)
      cross join unnest(${`{${defKeys.map((k) => `"${k}"`).join(",")}}`}::text[]) as k(def_key)
      cross join lateral (
        select numerator, denominator from indicator_rollup r
         where r.season_id = ${seasonId} and r.unit_id = u.unit_id and r.self_only = u.self_only
           and r.def_key = k.def_key and r.day <= ${asOf}::date
         order by r.day desc limit 1
      ) r`)) as unknown as Rows<UnitCounts>;
  return res.rows.map((r) => ({
    unitId: Number(r.unitId),
    selfOnly: r.selfOnly,
    defKey: r.defKey,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}
