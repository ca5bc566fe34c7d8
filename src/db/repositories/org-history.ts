/**
 * All SQL about organisations' dated versions and successor links (schema-history.ts). Writers
 * change the `organisation` row (today's state) first, then call `snapshotVersions` to make that
 * state the version valid from the change's day on.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { organisationSuccession, organisationVersion } from "../schema.ts";
import type { OrgNodeRecord } from "./organisations.ts";
import type { Scope } from "./scope.ts";

/** One period of an organisation: what the roll-up and the "as of" reads need. */
export interface OrgSegment {
  readonly orgId: number;
  readonly from: string;
  /** Exclusive; null: still valid. */
  readonly to: string | null;
  readonly parentId: number | null;
  readonly path: string;
  readonly depth: number;
  readonly level: string;
  readonly kind: string;
  readonly name: string;
  readonly code: string;
  readonly sector: string | null;
}

const segmentColumns = {
  orgId: organisationVersion.orgId,
  from: organisationVersion.validFrom,
  to: organisationVersion.validTo,
  parentId: organisationVersion.parentId,
  path: organisationVersion.path,
  depth: organisationVersion.depth,
  level: organisationVersion.levelCode,
  kind: organisationVersion.kindCode,
  name: organisationVersion.name,
  code: sql<string>`(select o.code from organisation o where o.id = ${organisationVersion.orgId})`,
  sector: organisationVersion.sector,
};

/** SQL: the version is valid on `day`. */
export const validOn = (day: string): SQL =>
  sql`${organisationVersion.validFrom} <= ${day} and (${organisationVersion.validTo} is null or ${organisationVersion.validTo} > ${day})`;

/**
 * SQL: an ltree path (of any day) passes through organisation `id`: it lies under one of the paths
 * the organisation ever had (one prefix test per path, each an index range on the GiST index).
 */
export async function pathThrough(db: Db, path: unknown, id: number): Promise<SQL> {
  const rows = await db
    .selectDistinct({ path: organisationVersion.path })
    .from(organisationVersion)
    .where(eq(organisationVersion.orgId, id));
  if (rows.length === 0) return sql`false`;
  return sql`(${sql.join(
    rows.map((r) => sql`${path} <@ ${r.path}::ltree`),
    sql` or `,
  )})`;
}

/**
 * Scope on a dated path: a grant is for an organisation (the last id of its path today), and
 * covers that organisation's subtree as it stood on the day asked for.
 */
export function inScopeAsOf(scope: Scope, path: unknown): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "subtrees": {
      if (scope.paths.length === 0) return sql`false`;
      const q = scope.paths.map((p) => `*.${p.split(".").at(-1)}.*`);
      return sql`${path} ? ${sql.raw(`'{${q.join(",")}}'`)}::lquery[]`;
    }
  }
}

/** Every version of the given organisations, oldest first. */
export async function listSegments(db: Db, orgIds: readonly number[]): Promise<OrgSegment[]> {
  if (orgIds.length === 0) return [];
  const out: OrgSegment[] = [];
  for (let i = 0; i < orgIds.length; i += 20_000) {
    out.push(
      ...(await db
        .select(segmentColumns)
        .from(organisationVersion)
        .where(inArray(organisationVersion.orgId, orgIds.slice(i, i + 20_000)))
        .orderBy(asc(organisationVersion.orgId), asc(organisationVersion.validFrom))),
    );
  }
  return out;
}

/** Every version whose path (of its own period) passes through `rootId`, of the given levels. */
export async function listSegmentsThrough(
  db: Db,
  rootId: number,
  levels?: readonly string[],
): Promise<OrgSegment[]> {
  return db
    .select(segmentColumns)
    .from(organisationVersion)
    .where(
      and(
        await pathThrough(db, organisationVersion.path, rootId),
        levels ? inArray(organisationVersion.levelCode, [...levels]) : undefined,
      ),
    );
}

/** The versions valid on `day` in the subtree of `rootId` as it stood that day (the root included). */
export async function listSubtreeOn(
  db: Db,
  rootId: number,
  day: string,
  levels?: readonly string[],
): Promise<OrgSegment[]> {
  return db
    .select(segmentColumns)
    .from(organisationVersion)
    .where(
      and(
        await pathThrough(db, organisationVersion.path, rootId),
        validOn(day),
        levels ? inArray(organisationVersion.levelCode, [...levels]) : undefined,
      ),
    );
}

/** One organisation's version valid on `day` (null: it did not exist then), in the caller's scope. */
export async function findSegmentOn(
  db: Db,
  scope: Scope,
  orgId: number,
  day: string,
): Promise<OrgSegment | null> {
  const rows = await db
    .select(segmentColumns)
    .from(organisationVersion)
    .where(
      and(eq(organisationVersion.orgId, orgId), validOn(day), inScopeAsOf(scope, organisationVersion.path)),
    );
  return rows[0] ?? null;
}

/**
 * Ids as one int[] literal: a single parameterless array however many ids (a 100.000-organisation
 * import would pass PostgreSQL's parameter limit as separate values). Numbers only, so safe inline.
 */
const idArray = (ids: readonly number[]): SQL => sql.raw(`'{${ids.map(Number).join(",")}}'::int[]`);

/** The latest day on which any of these organisations changed (a new change may not come before it). */
export async function latestChangeDay(db: Db, orgIds: readonly number[]): Promise<string | null> {
  const rows = await db
    .select({ day: sql<string | null>`max(${organisationVersion.validFrom})::text` })
    .from(organisationVersion)
    .where(sql`${organisationVersion.orgId} = any(${idArray(orgIds)})`);
  return rows[0]?.day ?? null;
}

/**
 * Makes the current state of these organisations the version valid from `day`: the version valid
 * until now is closed on `day` (or replaced, when it also started on `day`), and a new one opened.
 * The caller has checked that none has a version starting after `day`. In chunks of 10.000 ids.
 */
export async function snapshotVersions(db: Db, orgIds: readonly number[], day: string): Promise<void> {
  for (let i = 0; i < orgIds.length; i += 10_000)
    await snapshotChunk(db, sql`o.id = any(${idArray(orgIds.slice(i, i + 10_000))})`, day);
}

/** The same for every organisation at once (a bulk load: the national benchmarks). */
export function snapshotEveryVersion(db: Db, day: string): Promise<void> {
  return snapshotChunk(db, sql`true`, day);
}

async function snapshotChunk(db: Db, where: SQL, day: string): Promise<void> {
  // Organisations that ended on or before the day (dissolved ones inside a moved subtree) keep
  // their history as it is.
  const alive = sql`(o.dissolved_on is null or o.dissolved_on > ${day}::date)`;
  await db.execute(sql`
    delete from organisation_version v using organisation o
     where v.org_id = o.id and ${where} and ${alive} and v.valid_from = ${day}::date`);
  await db.execute(sql`
    update organisation_version v set valid_to = ${day}::date from organisation o
     where v.org_id = o.id and ${where} and ${alive} and v.valid_from < ${day}::date
       and (v.valid_to is null or v.valid_to > ${day}::date)`);
  await db.execute(sql`
    insert into organisation_version (org_id, valid_from, valid_to, name, search_name, level_code, kind_code,
      sector, parent_id, path, depth, territory_province, territory_district, territory_commune, tags)
    select o.id, ${day}::date, o.dissolved_on, o.name, o.search_name, o.level_code, o.kind_code, o.sector,
      o.parent_id, o.path, o.depth, o.territory_province, o.territory_district, o.territory_commune, o.tags
      from organisation o where ${where} and ${alive}`);
}

/** Ends an organisation's current version on `day` (dissolution, merger into another). */
export async function endVersions(db: Db, orgIds: readonly number[], day: string): Promise<void> {
  if (orgIds.length === 0) return;
  await db
    .update(organisationVersion)
    .set({ validTo: day })
    .where(
      and(
        inArray(organisationVersion.orgId, [...orgIds]),
        sql`(${organisationVersion.validTo} is null or ${organisationVersion.validTo} > ${day})`,
      ),
    );
  // A version that would start on the end day never held.
  await db
    .delete(organisationVersion)
    .where(
      and(
        inArray(organisationVersion.orgId, [...orgIds]),
        sql`${organisationVersion.validFrom} >= ${organisationVersion.validTo}`,
      ),
    );
}

/** The founding day of each organisation (its first version's day). */
export async function foundedOn(db: Db, orgIds: readonly number[]): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({
      orgId: organisationVersion.orgId,
      day: sql<string>`min(${organisationVersion.validFrom})::text`,
    })
    .from(organisationVersion)
    .where(inArray(organisationVersion.orgId, [...orgIds]))
    .groupBy(organisationVersion.orgId);
  return new Map(rows.map((r) => [r.orgId, r.day]));
}

export async function insertSuccessions(
  db: Db,
  links: readonly { predecessorId: number; successorId: number; day: string; operation: "merge" | "split" }[],
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insert(organisationSuccession)
    .values(links.map((l) => ({ ...l })))
    .onConflictDoNothing();
}

export interface SuccessionLink {
  readonly predecessorId: number;
  readonly successorId: number;
  readonly day: string;
  readonly operation: string;
}

/** Links where the organisation is the predecessor or the successor. */
export async function listSuccessions(db: Db, orgId: number): Promise<SuccessionLink[]> {
  return db
    .select({
      predecessorId: organisationSuccession.predecessorId,
      successorId: organisationSuccession.successorId,
      day: organisationSuccession.day,
      operation: organisationSuccession.operation,
    })
    .from(organisationSuccession)
    .where(or(eq(organisationSuccession.predecessorId, orgId), eq(organisationSuccession.successorId, orgId)))
    .orderBy(asc(organisationSuccession.day), asc(organisationSuccession.id));
}

/** The children of an organisation as they stood on `day`, in the caller's scope. */
export async function listChildrenOn(
  db: Db,
  scope: Scope,
  parentId: number,
  day: string,
): Promise<OrgSegment[]> {
  return db
    .select(segmentColumns)
    .from(organisationVersion)
    .where(
      and(
        eq(organisationVersion.parentId, parentId),
        validOn(day),
        inScopeAsOf(scope, organisationVersion.path),
      ),
    );
}

/** Names of organisations as they were on `day` (today's name for one that did not exist then). */
export async function namesOn(db: Db, ids: readonly number[], day: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.execute(sql`
    select o.id, coalesce(v.name, o.name) as name from organisation o
      left join organisation_version v on v.org_id = o.id and v.valid_from <= ${day}::date
        and (v.valid_to is null or v.valid_to > ${day}::date)
     where o.id = any(${sql.raw(`'{${ids.join(",")}}'::int[]`)})`);
  return new Map(
    (rows as unknown as { rows: { id: number; name: string }[] }).rows.map((r) => [Number(r.id), r.name]),
  );
}

/** A node of the tree as it stood on a day, with that day's counts (the shape the tree shows). */
export interface OrgNodeOn extends OrgNodeRecord {
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** The organisations granted to the scope (the top for all), as they stood on `day`. */
export function listScopeRootsOn(db: Db, scope: Scope, day: string): Promise<OrgNodeOn[]> {
  const grantedIds = scope.kind === "all" ? [] : scope.paths.map((p) => Number(p.split(".").at(-1)));
  return selectNodesOn(
    db,
    scope.kind === "all" ? sql`v.parent_id is null` : sql`v.org_id = any(${idArray(grantedIds)})`,
    day,
  );
}

/** The children of an organisation inside the scope, as they stood on `day`. */
export function listChildNodesOn(db: Db, scope: Scope, parentId: number, day: string): Promise<OrgNodeOn[]> {
  return selectNodesOn(db, sql`v.parent_id = ${parentId} and ${nodeInScope(scope)}`, day);
}

/** One organisation inside the scope as it stood on `day`, or null. */
export async function findNodeOn(db: Db, scope: Scope, id: number, day: string): Promise<OrgNodeOn | null> {
  return (await selectNodesOn(db, sql`v.org_id = ${id} and ${nodeInScope(scope)}`, day))[0] ?? null;
}

/** These organisations as they stood on `day` (no scope: the caller has checked one of them). */
export function listNodesOn(db: Db, ids: readonly number[], day: string): Promise<OrgNodeOn[]> {
  return selectNodesOn(db, sql`v.org_id = any(${idArray(ids)})`, day);
}

/** Nodes valid on `day` matching `where` (an SQL condition on the alias `v`). */
async function selectNodesOn(db: Db, where: SQL, day: string): Promise<OrgNodeOn[]> {
  const res = (await db.execute(sql`
    select v.org_id as id, o.code, v.name, v.level_code as level, v.kind_code as kind, v.sector,
           v.parent_id as "parentId", v.path::text as path, v.depth, o.created_at as "createdAt",
           o.updated_at as "updatedAt", v.valid_from::text as "validFrom", v.valid_to::text as "validTo",
           (select count(*)::int from organisation_version c
             where c.parent_id = v.org_id and c.valid_from <= ${day}::date
               and (c.valid_to is null or c.valid_to > ${day}::date)) as "childCount",
           (select count(*)::int from organisation_version d
             where d.path <@ v.path and d.org_id <> v.org_id and d.valid_from <= ${day}::date
               and (d.valid_to is null or d.valid_to > ${day}::date)) as "descendantCount",
           vi.id as "villageId", vi.code as "villageCode", vi.name as "villageName", vi.kind as "villageKind"
      from organisation_version v
      join organisation o on o.id = v.org_id
      left join village vi on vi.branch_id = v.org_id
     where v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date) and ${where}`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  return res.rows.map((r) => ({
    id: Number(r.id),
    code: r.code as string,
    name: r.name as string,
    level: r.level as string,
    kind: r.kind as string,
    sector: (r.sector as string | null) ?? null,
    parentId: r.parentId === null ? null : Number(r.parentId),
    path: r.path as string,
    depth: Number(r.depth),
    dissolvedOn: null,
    dissolvedReason: null,
    createdAt: new Date(r.createdAt as string),
    updatedAt: new Date(r.updatedAt as string),
    childCount: Number(r.childCount),
    descendantCount: Number(r.descendantCount),
    village:
      r.villageId === null || r.villageId === undefined
        ? null
        : {
            id: Number(r.villageId),
            code: r.villageCode as string,
            name: r.villageName as string,
            kind: r.villageKind as string,
          },
    validFrom: r.validFrom as string,
    validTo: (r.validTo as string | null) ?? null,
  }));
}

/** Counts by level in a subtree as it stood on `day`. */
export async function countByLevelOn(
  db: Db,
  rootId: number,
  day: string,
): Promise<{ level: string; count: number }[]> {
  return db
    .select({ level: organisationVersion.levelCode, count: sql<number>`count(*)::int` })
    .from(organisationVersion)
    .where(and(await pathThrough(db, organisationVersion.path, rootId), validOn(day)))
    .groupBy(organisationVersion.levelCode);
}

/** Hits of a search over the names and places of a day (the same ranking as today's search). */
export async function searchOn(
  db: Db,
  scope: Scope,
  day: string,
  q: {
    readonly foldedQuery?: string | undefined;
    readonly level?: string | undefined;
    readonly kind?: string | undefined;
    readonly sector?: string | undefined;
    readonly withinId?: number | undefined;
    readonly limit: number;
    readonly offset: number;
  },
): Promise<{ total: number; items: OrgNodeOn[] }> {
  const v = organisationVersion;
  const conds: (SQL | undefined)[] = [validOn(day), inScopeAsOf(scope, v.path)];
  if (q.foldedQuery) {
    // Every word, in any order.
    for (const word of q.foldedQuery.split(/\s+/).filter(Boolean)) {
      const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
      conds.push(sql`${v.searchName} like ${`%${escaped}%`}`);
    }
  }
  if (q.level) conds.push(eq(v.levelCode, q.level));
  if (q.kind) conds.push(eq(v.kindCode, q.kind));
  if (q.sector) conds.push(eq(v.sector, q.sector));
  if (q.withinId !== undefined) conds.push(await pathThrough(db, v.path, q.withinId));
  const where = and(...conds)!;
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(v).where(where);
  const ids = await db
    .select({ id: v.orgId })
    .from(v)
    .where(where)
    .orderBy(
      ...(q.foldedQuery
        ? [
            sql`case when ${v.searchName} like ${`${q.foldedQuery}%`} or ${v.searchName} like ${`% ${q.foldedQuery}%`} then 0 else 1 end`,
            sql`similarity(${v.searchName}, ${q.foldedQuery}) desc`,
          ]
        : []),
      asc(v.depth),
      asc(v.name),
    )
    .limit(q.limit)
    .offset(q.offset);
  if (ids.length === 0) return { total: countRow?.n ?? 0, items: [] };
  const nodes = await selectNodesOn(
    db,
    sql`v.org_id = any(${sql.raw(`'{${ids.map((r) => r.id).join(",")}}'::int[]`)})`,
    day,
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { total: countRow?.n ?? 0, items: ids.map((r) => byId.get(r.id)!).filter(Boolean) };
}

/** SQL on the alias `v`: inside the caller's scope as of the version's own period. */
const nodeInScope = (scope: Scope): SQL => inScopeAsOf(scope, sql.raw("v.path"));

/** Whether a reorganisation plan with this content hash was already applied (its audit entry). */
export async function planApplied(db: Db, hash: string): Promise<boolean> {
  const res = (await db.execute(
    sql`select 1 from audit_log where entity = 'reorganisation' and entity_id = ${hash} limit 1`,
  )) as unknown as { rows: unknown[] };
  return res.rows.length > 0;
}
