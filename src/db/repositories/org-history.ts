/**
 * All SQL about organisations' dated versions and successor links (schema-history.ts). Writers
 * change the `organisation` row (today's state) first, then call `snapshotVersions` to make that
 * state the version valid from the change's day on.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { organisationSuccession, organisationVersion } from "../schema.ts";
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

/** SQL: an ltree path (of any day) passes through organisation `id`. */
export const pathThrough = (path: unknown, id: number): SQL => sql`${path} ~ ${`*.${id}.*`}::lquery`;

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
        pathThrough(organisationVersion.path, rootId),
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
        pathThrough(organisationVersion.path, rootId),
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

/** The latest day on which any of these organisations changed (a new change may not come before it). */
export async function latestChangeDay(db: Db, where: SQL): Promise<string | null> {
  const rows = await db
    .select({ day: sql<string | null>`max(${organisationVersion.validFrom})::text` })
    .from(organisationVersion)
    .where(where);
  return rows[0]?.day ?? null;
}

/**
 * Makes the current state (the `organisation` rows matching `where`, an SQL condition on the alias
 * `o`) the version valid from `day`: the version valid until now is closed on `day` (or replaced,
 * when it also started on `day`), and a new one opened. The caller has checked that no selected
 * organisation has a version starting after `day`.
 */
export async function snapshotVersions(db: Db, where: SQL, day: string): Promise<void> {
  await db.execute(sql`
    delete from organisation_version v using organisation o
     where v.org_id = o.id and ${where} and v.valid_from = ${day}::date`);
  await db.execute(sql`
    update organisation_version v set valid_to = ${day}::date from organisation o
     where v.org_id = o.id and ${where} and v.valid_from < ${day}::date
       and (v.valid_to is null or v.valid_to > ${day}::date)`);
  await db.execute(sql`
    insert into organisation_version (org_id, valid_from, valid_to, name, search_name, level_code, kind_code,
      sector, parent_id, path, depth, territory_province, territory_district, territory_commune, tags)
    select o.id, ${day}::date, o.dissolved_on, o.name, o.search_name, o.level_code, o.kind_code, o.sector,
      o.parent_id, o.path, o.depth, o.territory_province, o.territory_district, o.territory_commune, o.tags
      from organisation o where ${where}`);
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
}

/** The founding day of each organisation (its first version's day). */
export async function foundedOn(db: Db, orgIds: readonly number[]): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ orgId: organisationVersion.orgId, day: sql<string>`min(${organisationVersion.validFrom})::text` })
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
    .where(
      or(eq(organisationSuccession.predecessorId, orgId), eq(organisationSuccession.successorId, orgId)),
    )
    .orderBy(asc(organisationSuccession.day), asc(organisationSuccession.id));
}
