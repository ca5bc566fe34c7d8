/**
 * All SQL the indicators need: the organisations of a subtree as the engine's plain values (their
 * territory resolved from the nearest ancestor that records one), its villages, and the indicators
 * users define.
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { IndicatorOrg, IndicatorVillage } from "../../domain/indicators/data.ts";
import type { Territory } from "../../domain/people/local.ts";
import type { Db } from "../client.ts";
import { auditLog, indicatorDefinition, organisation, village } from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

/** The subtree's organisations (dissolved ones too: the engine decides by date). */
export async function loadIndicatorOrgs(db: Db, rootPath: string, exact = false): Promise<IndicatorOrg[]> {
  const within = exact
    ? sql`${organisation.path} = ${rootPath}::ltree`
    : sql`${organisation.path} <@ ${rootPath}::ltree`;
  const ancestorIds = rootPath.split(".").slice(0, -1).map(Number);
  const rows = await db
    .select({
      id: organisation.id,
      path: organisation.path,
      level: organisation.levelCode,
      kind: organisation.kindCode,
      sector: organisation.sector,
      name: organisation.name,
      dissolvedOn: organisation.dissolvedOn,
      tp: organisation.territoryProvince,
      td: organisation.territoryDistrict,
      tc: organisation.territoryCommune,
      tags: organisation.tags,
      villageCode: village.code,
      depth: organisation.depth,
    })
    .from(organisation)
    .leftJoin(village, eq(village.branchId, organisation.id))
    .where(ancestorIds.length > 0 ? sql`(${within} or ${inArray(organisation.id, ancestorIds)})` : within)
    .orderBy(asc(organisation.depth));
  // Parents come first (by depth): each inherits the territory of its nearest ancestor recording one.
  const territoryById = new Map<number, Territory | null>();
  const out: IndicatorOrg[] = [];
  const isInSubtree = (p: string) => p === rootPath || (!exact && p.startsWith(`${rootPath}.`));
  for (const r of rows) {
    const ids = r.path.split(".");
    const parentId = ids.length > 1 ? Number(ids[ids.length - 2]) : null;
    const own: Territory | null =
      r.tp === null ? null : { provinceCode: r.tp, districtCode: r.td, communeCode: r.tc };
    const territory = own ?? (parentId === null ? null : (territoryById.get(parentId) ?? null));
    territoryById.set(r.id, territory);
    if (!isInSubtree(r.path)) continue;
    out.push({
      id: r.id,
      path: r.path,
      level: r.level,
      kind: r.kind,
      sector: r.sector,
      villageCode: r.villageCode,
      territory,
      tags: r.tags,
      name: r.name,
      dissolvedOn: r.dissolvedOn,
    });
  }
  return out;
}

/**
 * Every dated version (organisation_version) whose path, in its own period, passes through
 * organisation `rootId` — or, `exact`, the versions of `rootId` itself — as the engine's plain
 * values, one per period (issue 15). A version without a territory of its own inherits the one of
 * its nearest ancestor recording one (the ancestor as it stood when the version began).
 */
export async function loadIndicatorOrgVersions(
  db: Db,
  rootId: number,
  exact = false,
): Promise<IndicatorOrg[]> {
  const paths = (await db.execute(
    sql`select distinct path::text as path from organisation_version where org_id = ${rootId}`,
  )) as unknown as { rows: { path: string }[] };
  if (paths.rows.length === 0) return [];
  const through = sql.join(
    paths.rows.map((r) => sql`v.path <@ ${r.path}::ltree`),
    sql` or `,
  );
  type Row = {
    id: number;
    from: string;
    to: string | null;
    path: string;
    level: string;
    kind: string;
    sector: string | null;
    name: string;
    tp: string | null;
    td: string | null;
    tc: string | null;
    tags: string[];
    villageCode: string | null;
  };
  const select = (where: SQL) => sql`
    select v.org_id as id, v.valid_from::text as "from", v.valid_to::text as "to", v.path::text as path,
           v.level_code as level, v.kind_code as kind, v.sector, v.name, v.territory_province as tp,
           v.territory_district as td, v.territory_commune as tc, v.tags, vi.code as "villageCode"
      from organisation_version v left join village vi on vi.branch_id = v.org_id
     where ${where}`;
  const rows = (
    (await db.execute(select(exact ? sql`v.org_id = ${rootId}` : sql`(${through})`))) as unknown as {
      rows: Row[];
    }
  ).rows;
  // Ancestors outside the loaded versions (above the root), for the territory.
  const loaded = new Set(rows.map((r) => Number(r.id)));
  const above = new Set<number>();
  for (const r of rows)
    for (const id of r.path.split(".")) if (!loaded.has(Number(id))) above.add(Number(id));
  const ancestorRows =
    above.size === 0
      ? []
      : (
          (await db.execute(
            select(
              sql`v.org_id = any(${`{${[...above].join(",")}}`}::int[]) and v.territory_province is not null`,
            ),
          )) as unknown as { rows: Row[] }
        ).rows;
  const ownTerritory = new Map<number, { from: string; to: string | null; t: Territory }[]>();
  for (const r of [...rows, ...ancestorRows]) {
    if (r.tp === null) continue;
    const list = ownTerritory.get(Number(r.id)) ?? [];
    list.push({ from: r.from, to: r.to, t: { provinceCode: r.tp, districtCode: r.td, communeCode: r.tc } });
    ownTerritory.set(Number(r.id), list);
  }
  const territoryOf = (id: number, day: string): Territory | null => {
    const list = ownTerritory.get(id);
    if (!list) return null;
    return (list.find((x) => x.from <= day && (x.to === null || x.to > day)) ?? list.at(-1)!).t;
  };
  return rows.map((r): IndicatorOrg => {
    const ids = r.path.split(".").map(Number);
    let territory: Territory | null =
      r.tp === null ? null : { provinceCode: r.tp, districtCode: r.td, communeCode: r.tc };
    for (let i = ids.length - 2; territory === null && i >= 0; i--) territory = territoryOf(ids[i]!, r.from);
    return {
      id: Number(r.id),
      validFrom: r.from,
      path: r.path,
      level: r.level,
      kind: r.kind,
      sector: r.sector,
      villageCode: r.villageCode,
      territory,
      tags: r.tags,
      name: r.name,
      dissolvedOn: r.to,
    };
  });
}

/** Roots and their children: the organisations that may be big enough for the roll-up. */
export async function listBigNodeCandidates(db: Db): Promise<{ id: number; path: string }[]> {
  const res = (await db.execute(sql`
    select id, path::text as path from organisation
     where parent_id is null or parent_id in (select id from organisation where parent_id is null)
     order by depth, id`)) as unknown as { rows: { id: number; path: string }[] };
  return res.rows.map((r) => ({ id: Number(r.id), path: r.path }));
}

/** The villages served by these organisations (as commune or as branch). */
export async function loadVillagesOfOrgs(db: Db, orgIds: readonly number[]): Promise<IndicatorVillage[]> {
  if (orgIds.length === 0) return [];
  return db
    .select({ code: village.code, name: village.name, orgId: village.branchId })
    .from(village)
    .where(
      sql`(${village.communeId} = any(${`{${orgIds.join(",")}}`}::int[]) or ${village.branchId} = any(${`{${orgIds.join(",")}}`}::int[]))`,
    );
}

export async function loadIndicatorVillages(
  db: Db,
  rootPath: string,
  exact = false,
): Promise<IndicatorVillage[]> {
  return db
    .select({ code: village.code, name: village.name, orgId: village.branchId })
    .from(village)
    .innerJoin(organisation, eq(organisation.id, village.communeId))
    .where(
      exact
        ? sql`${organisation.path} = ${rootPath}::ltree`
        : sql`${organisation.path} <@ ${rootPath}::ltree`,
    );
}

/** Sets territory codes and tags of organisations by id (demo seeding, imports). */
export async function setOrgTerritories(
  db: Db,
  rows: readonly {
    id: number;
    territory: { provinceCode: string; districtCode: string | null; communeCode: string | null } | null;
    tags: readonly string[];
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const batch = JSON.stringify(
      rows.slice(i, i + 10_000).map((r) => ({
        id: r.id,
        tp: r.territory?.provinceCode ?? null,
        td: r.territory?.districtCode ?? null,
        tc: r.territory?.communeCode ?? null,
        tags: r.tags,
      })),
    );
    await db.execute(sql`
      update organisation o set territory_province = x.tp, territory_district = x.td,
        territory_commune = x.tc,
        tags = coalesce(array(select json_array_elements_text(x.tags)), '{}'::text[])
        from json_to_recordset(${batch}::json) as x(id int, tp text, td text, tc text, tags json)
       where o.id = x.id`);
    // A correction, not a dated change: the organisation's latest version says the same.
    await db.execute(sql`
      update organisation_version v set territory_province = o.territory_province,
        territory_district = o.territory_district, territory_commune = o.territory_commune, tags = o.tags
        from organisation o, json_to_recordset(${batch}::json) as x(id int)
       where o.id = x.id and v.org_id = o.id
         and v.valid_from = (select max(w.valid_from) from organisation_version w where w.org_id = o.id)`);
  }
}

// ---------------------------------------------------------------------------------------------
// User-defined indicators

export interface IndicatorDefinitionRecord {
  readonly id: number;
  readonly code: string;
  readonly definition: unknown;
  readonly orgId: number | null;
  readonly orgPath: string | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const definitionColumns = {
  id: indicatorDefinition.id,
  code: indicatorDefinition.code,
  definition: indicatorDefinition.definition,
  orgId: indicatorDefinition.orgId,
  orgPath: organisation.path,
  createdBy: indicatorDefinition.createdBy,
  createdAt: indicatorDefinition.createdAt,
  updatedAt: indicatorDefinition.updatedAt,
};

/**
 * Definitions visible in the scope: those defined for the whole province (no organisation) and
 * those of an organisation in the scope.
 */
export async function listIndicatorDefinitions(db: Db, scope: Scope): Promise<IndicatorDefinitionRecord[]> {
  return db
    .select(definitionColumns)
    .from(indicatorDefinition)
    .leftJoin(organisation, eq(organisation.id, indicatorDefinition.orgId))
    .where(sql`(${indicatorDefinition.orgId} is null or ${inScope(scope, organisation.path)})`)
    .orderBy(asc(indicatorDefinition.id));
}

export async function findIndicatorDefinition(
  db: Db,
  scope: Scope,
  id: number,
): Promise<IndicatorDefinitionRecord | null> {
  const rows = await db
    .select(definitionColumns)
    .from(indicatorDefinition)
    .leftJoin(organisation, eq(organisation.id, indicatorDefinition.orgId))
    .where(
      and(
        eq(indicatorDefinition.id, id),
        sql`(${indicatorDefinition.orgId} is null or ${inScope(scope, organisation.path)})`,
      ),
    );
  return rows[0] ?? null;
}

export async function findIndicatorDefinitionByCode(db: Db, code: string): Promise<{ id: number } | null> {
  const rows = await db
    .select({ id: indicatorDefinition.id })
    .from(indicatorDefinition)
    .where(eq(indicatorDefinition.code, code));
  return rows[0] ?? null;
}

export async function insertIndicatorDefinition(
  db: Db,
  values: { code: string; definition: unknown; orgId: number | null; createdBy: number | null },
): Promise<number> {
  const [row] = await db
    .insert(indicatorDefinition)
    .values({ ...values, definition: values.definition as object })
    .returning({ id: indicatorDefinition.id });
  return row!.id;
}

export async function updateIndicatorDefinition(
  db: Db,
  id: number,
  values: { code: string; definition: unknown },
): Promise<void> {
  await db
    .update(indicatorDefinition)
    .set({ code: values.code, definition: values.definition as object, updatedAt: sql`now()` })
    .where(eq(indicatorDefinition.id, id));
}

export async function deleteIndicatorDefinition(db: Db, id: number): Promise<void> {
  await db.delete(indicatorDefinition).where(eq(indicatorDefinition.id, id));
}

/**
 * The newest audit entry's id: every write appends one in its own transaction, so this is a
 * version of all the data (loaded subtrees are reused while it does not change).
 */
export async function latestAuditId(db: Db): Promise<number> {
  const rows = await db.select({ id: sql<number | null>`max(${auditLog.id})` }).from(auditLog);
  return Number(rows[0]?.id ?? 0);
}
