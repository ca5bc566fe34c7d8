/** All SQL about organisations and villages. Callers pass the scope; rows are mapped explicitly. */
import { and, asc, eq, inArray, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import type { ExistingOrg, ExistingVillage, KindDef, LevelDef } from "../../domain/organisation/index.ts";
import type { Db } from "../client.ts";
import { organisation, orgKind, orgLevel, village } from "../schema.ts";
import { snapshotVersions } from "./org-history.ts";
import { inScope, type Scope } from "./scope.ts";

export interface OrgRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector: string | null;
  readonly parentId: number | null;
  readonly path: string;
  readonly depth: number;
  readonly dissolvedOn: string | null;
  readonly dissolvedReason: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface OrgNodeRecord extends OrgRecord {
  readonly childCount: number;
  readonly descendantCount: number;
  readonly village: { id: number; code: string; name: string; kind: string } | null;
}

const orgColumns = {
  id: organisation.id,
  code: organisation.code,
  name: organisation.name,
  level: organisation.levelCode,
  kind: organisation.kindCode,
  sector: organisation.sector,
  parentId: organisation.parentId,
  path: organisation.path,
  depth: organisation.depth,
  dissolvedOn: organisation.dissolvedOn,
  dissolvedReason: organisation.dissolvedReason,
  createdAt: organisation.createdAt,
  updatedAt: organisation.updatedAt,
};

export async function loadLevels(db: Db): Promise<LevelDef[]> {
  const rows = await db.select().from(orgLevel).orderBy(asc(orgLevel.rank), asc(orgLevel.code));
  return rows.map((r) => ({ ...r }));
}

export async function loadKinds(db: Db): Promise<KindDef[]> {
  const rows = await db.select().from(orgKind).orderBy(asc(orgKind.code));
  return rows.map((r) => ({ ...r, family: r.family === "territorial" ? "territorial" : "sector" }));
}

export async function findOrgById(db: Db, scope: Scope, id: number): Promise<OrgRecord | null> {
  const rows = await db
    .select(orgColumns)
    .from(organisation)
    .where(and(eq(organisation.id, id), inScope(scope, organisation.path)));
  return rows[0] ?? null;
}

/** Several organisations by code in one query (a plan's hundreds of rows), in the caller's scope. */
export async function findOrgsByCodes(
  db: Db,
  scope: Scope,
  codes: readonly string[],
): Promise<Map<string, OrgRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select(orgColumns)
    .from(organisation)
    .where(and(inArray(organisation.code, [...new Set(codes)]), inScope(scope, organisation.path)));
  return new Map(rows.map((r) => [r.code, r]));
}

export async function findOrgByCode(db: Db, scope: Scope, code: string): Promise<OrgRecord | null> {
  const rows = await db
    .select(orgColumns)
    .from(organisation)
    .where(and(eq(organisation.code, code), inScope(scope, organisation.path)));
  return rows[0] ?? null;
}

/** Nodes with their active child and descendant counts and the village they serve. */
async function selectNodes(db: Db, where: SQL): Promise<OrgNodeRecord[]> {
  const rows = await db
    .select({
      ...orgColumns,
      childCount: sql<number>`(select count(*)::int from organisation c where c.parent_id = ${organisation.id} and c.dissolved_on is null)`,
      descendantCount: sql<number>`(select count(*)::int from organisation d where d.path <@ ${organisation.path} and d.id <> ${organisation.id} and d.dissolved_on is null)`,
      villageId: village.id,
      villageCode: village.code,
      villageName: village.name,
      villageKind: village.kind,
    })
    .from(organisation)
    .leftJoin(village, eq(village.branchId, organisation.id))
    .where(where);
  return rows.map(({ villageId, villageCode, villageName, villageKind, ...r }) => ({
    ...r,
    village:
      villageId === null
        ? null
        : { id: villageId, code: villageCode!, name: villageName!, kind: villageKind! },
  }));
}

export async function findOrgNode(db: Db, scope: Scope, id: number): Promise<OrgNodeRecord | null> {
  const rows = await selectNodes(db, and(eq(organisation.id, id), inScope(scope, organisation.path))!);
  return rows[0] ?? null;
}

/** The tops of what the scope lets the caller see: the root, or each granted subtree's top. */
export async function listScopeRoots(db: Db, scope: Scope): Promise<OrgNodeRecord[]> {
  switch (scope.kind) {
    case "all":
      return selectNodes(db, isNull(organisation.parentId));
    case "subtrees": {
      if (scope.paths.length === 0) return [];
      // A granted subtree inside another granted subtree is not a separate root.
      const tops = scope.paths.filter((p) => !scope.paths.some((q) => q !== p && p.startsWith(`${q}.`)));
      return selectNodes(db, sql`${organisation.path} = any(${sql.raw(`'{${tops.join(",")}}'`)}::ltree[])`);
    }
  }
}

export async function listChildren(
  db: Db,
  scope: Scope,
  parentId: number,
  includeDissolved: boolean,
): Promise<OrgNodeRecord[]> {
  return selectNodes(
    db,
    and(
      eq(organisation.parentId, parentId),
      inScope(scope, organisation.path),
      includeDissolved ? undefined : isNull(organisation.dissolvedOn),
    )!,
  );
}

export async function listAncestors(
  db: Db,
  path: string,
): Promise<{ id: number; code: string; name: string; level: string }[]> {
  const ids = path.split(".").slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
      level: organisation.levelCode,
      depth: organisation.depth,
    })
    .from(organisation)
    .where(inArray(organisation.id, ids));
  return rows.sort((a, b) => a.depth - b.depth).map(({ depth: _d, ...r }) => r);
}

/** Names of organisations by id, for paths shown beside search hits. */
export async function namesByIds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(organisation.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countByLevelInSubtree(
  db: Db,
  path: string,
): Promise<{ level: string; count: number }[]> {
  const rows = await db
    .select({ level: organisation.levelCode, count: sql<number>`count(*)::int` })
    .from(organisation)
    .where(and(sql`${organisation.path} <@ ${path}::ltree`, isNull(organisation.dissolvedOn)))
    .groupBy(organisation.levelCode);
  return rows;
}

export async function countVillagesInSubtree(db: Db, path: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(village)
    .innerJoin(organisation, eq(organisation.id, village.communeId))
    .where(sql`${organisation.path} <@ ${path}::ltree`);
  return rows[0]?.n ?? 0;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A folded (diacritic-free, lower-case) name matches the folded query when it contains the query as
 * typed, or when every word of the query starts a word of the name, in any order and not necessarily
 * adjacent: "cong an hong gai" finds "Chi bộ Công an phường Hồng Gai". The trigram index serves each
 * LIKE.
 */
function matchesWords(column: SQL | typeof organisation.searchName, folded: string): SQL {
  const words = [...new Set(folded.split(" ").filter(Boolean))].slice(0, 12);
  const phrase = sql`${column} like ${`%${likeEscape(folded)}%`}`;
  if (words.length < 2) return phrase;
  const all = words.map((w) => sql`(' ' || ${column}) like ${`% ${likeEscape(w)}%`}`);
  return sql`(${phrase} or (${sql.join(all, sql` and `)}))`;
}

export interface OrgSearch {
  readonly foldedQuery?: string | undefined;
  readonly level?: string | undefined;
  readonly kind?: string | undefined;
  readonly sector?: string | undefined;
  readonly withinPath?: string | undefined;
  readonly includeDissolved?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function searchOrgs(
  db: Db,
  scope: Scope,
  q: OrgSearch,
): Promise<{ total: number; items: OrgNodeRecord[] }> {
  const conds: (SQL | undefined)[] = [inScope(scope, organisation.path)];
  if (q.foldedQuery) conds.push(matchesWords(organisation.searchName, q.foldedQuery));
  if (q.level) conds.push(eq(organisation.levelCode, q.level));
  if (q.kind) conds.push(eq(organisation.kindCode, q.kind));
  if (q.sector) conds.push(eq(organisation.sector, q.sector));
  if (q.withinPath) conds.push(sql`${organisation.path} <@ ${q.withinPath}::ltree`);
  if (!q.includeDissolved) conds.push(isNull(organisation.dissolvedOn));
  const where = and(...conds)!;
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(organisation).where(where);
  const ids = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(where)
    // Whole-word starts first ("hong gai" ranks "Phường Hồng Gai" above "…Thông Gai…"), then the
    // most similar, then shallow first.
    .orderBy(
      ...(q.foldedQuery
        ? [
            sql`case when ${organisation.searchName} like ${`${likeEscape(q.foldedQuery)}%`} or ${organisation.searchName} like ${`% ${likeEscape(q.foldedQuery)}%`} then 0 when ${organisation.searchName} like ${`%${likeEscape(q.foldedQuery)}%`} then 1 else 2 end`,
            // Then the closest names: "dang bo phuong hong gai" before "chi bo truong thcs hong gai".
            sql`similarity(${organisation.searchName}, ${q.foldedQuery}) desc`,
          ]
        : []),
      asc(organisation.depth),
      asc(organisation.name),
    )
    .limit(q.limit)
    .offset(q.offset);
  if (ids.length === 0) return { total: countRow?.n ?? 0, items: [] };
  const nodes = await selectNodes(
    db,
    inArray(
      organisation.id,
      ids.map((r) => r.id),
    ),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { total: countRow?.n ?? 0, items: ids.map((r) => byId.get(r.id)!).filter(Boolean) };
}

/** The whole stored tree in the shape the import planner needs. */
export async function loadOrgsForImport(
  db: Db,
): Promise<{ orgs: ExistingOrg[]; villages: ExistingVillage[] }> {
  const parent = sql`(select p.code from organisation p where p.id = ${organisation.parentId})`;
  const orgs = await db
    .select({
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
      level: organisation.levelCode,
      kind: organisation.kindCode,
      sector: organisation.sector,
      parentCode: sql<string | null>`${parent}`,
      dissolvedOn: organisation.dissolvedOn,
    })
    .from(organisation);
  const villages = await db
    .select({
      code: village.code,
      name: village.name,
      kind: village.kind,
      branchCode: sql<string | null>`(select o.code from organisation o where o.id = ${village.branchId})`,
      communeCode: sql<string | null>`(select o.code from organisation o where o.id = ${village.communeId})`,
    })
    .from(village);
  return {
    orgs: orgs.map(({ dissolvedOn, ...o }) => ({ ...o, dissolved: dissolvedOn !== null })),
    villages,
  };
}

/** Reserves ids so paths can be computed before insert (one round trip for a whole import). */
export async function reserveOrgIds(db: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const res = (await db.execute(
    sql`select nextval(pg_get_serial_sequence('organisation', 'id'))::int as id from generate_series(1, ${n})`,
  )) as unknown as { rows: { id: number }[] };
  return res.rows.map((r) => Number(r.id));
}

export interface NewOrg {
  readonly id?: number;
  readonly code: string;
  readonly name: string;
  readonly searchName: string;
  readonly level: string;
  readonly kind: string;
  readonly sector: string | null;
  readonly parentId: number | null;
  readonly path: string;
  readonly depth: number;
  /** The day its first version starts. */
  readonly foundedOn: string;
}

/** Inserts organisations with their first version (valid from each one's founding day). */
export async function insertOrgs(db: Db, orgs: readonly NewOrg[]): Promise<OrgRecord[]> {
  const out: OrgRecord[] = [];
  for (let i = 0; i < orgs.length; i += 1000) {
    const chunk = orgs.slice(i, i + 1000).map((o) => ({
      ...(o.id !== undefined ? { id: o.id } : {}),
      code: o.code,
      name: o.name,
      searchName: o.searchName,
      levelCode: o.level,
      kindCode: o.kind,
      sector: o.sector,
      parentId: o.parentId,
      path: o.path,
      depth: o.depth,
    }));
    out.push(...(await db.insert(organisation).values(chunk).returning(orgColumns)));
  }
  const byDay = new Map<string, number[]>();
  for (const [i, o] of orgs.entries())
    byDay.set(o.foundedOn, [...(byDay.get(o.foundedOn) ?? []), out[i]!.id]);
  for (const [day, ids] of byDay) await snapshotVersions(db, ids, day);
  return out;
}

export async function updateOrgFields(
  db: Db,
  id: number,
  fields: {
    name?: string;
    searchName?: string;
    kind?: string;
    sector?: string | null;
    dissolvedOn?: string;
    dissolvedReason?: string;
  },
): Promise<OrgRecord> {
  const rows = await db
    .update(organisation)
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.searchName !== undefined ? { searchName: fields.searchName } : {}),
      ...(fields.kind !== undefined ? { kindCode: fields.kind } : {}),
      ...(fields.sector !== undefined ? { sector: fields.sector } : {}),
      ...(fields.dissolvedOn !== undefined ? { dissolvedOn: fields.dissolvedOn } : {}),
      ...(fields.dissolvedReason !== undefined ? { dissolvedReason: fields.dissolvedReason } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(organisation.id, id))
    .returning(orgColumns);
  return rows[0]!;
}

/** Moves a subtree: re-parents its top and rewrites every descendant's path and depth in one statement. */
export async function moveSubtree(db: Db, org: OrgRecord, newParent: OrgRecord): Promise<OrgRecord> {
  const newPath = `${newParent.path}.${org.id}`;
  const depthShift = newParent.depth + 1 - org.depth;
  await db.execute(sql`
    update organisation
       set path = case when id = ${org.id} then ${newPath}::ltree
                       else ${newPath}::ltree || subpath(path, nlevel(${org.path}::ltree)) end,
           depth = depth + ${depthShift},
           updated_at = case when id = ${org.id} then now() else updated_at end,
           parent_id = case when id = ${org.id} then ${newParent.id}::int else parent_id end
     where path <@ ${org.path}::ltree`);
  const rows = await db.select(orgColumns).from(organisation).where(eq(organisation.id, org.id));
  return rows[0]!;
}

/**
 * Moves several children of one parent (with their subtrees) under `newParent` in one statement:
 * what a merger or a split does to dozens of branches at once (one `moveSubtree` per branch made
 * Quảng Ninh's 2025 plan take minutes).
 */
export async function moveChildrenTogether(
  db: Db,
  fromParent: OrgRecord,
  childIds: readonly number[],
  newParent: OrgRecord,
): Promise<void> {
  if (childIds.length === 0) return;
  const ids = sql.raw(`'{${childIds.join(",")}}'::int[]`);
  const paths = sql.raw(`'{${childIds.map((id) => `"${fromParent.path}.${id}"`).join(",")}}'::ltree[]`);
  await db.execute(sql`
    update organisation
       set path = ${newParent.path}::ltree || subpath(path, nlevel(${fromParent.path}::ltree)),
           depth = depth + ${newParent.depth - fromParent.depth},
           updated_at = case when id = any(${ids}) then now() else updated_at end,
           parent_id = case when id = any(${ids}) then ${newParent.id}::int else parent_id end
     where path <@ ${paths}`);
}

/** Ids of an organisation and everything below it today. */
export async function subtreeIds(db: Db, path: string): Promise<number[]> {
  const rows = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(sql`${organisation.path} <@ ${path}::ltree`);
  return rows.map((r) => r.id);
}

/** Ids of several organisations and everything below them today, in one query. */
export async function subtreesIds(db: Db, paths: readonly string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const list = sql.raw(`'{${paths.map((p) => `"${p}"`).join(",")}}'::ltree[]`);
  const rows = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(sql`${organisation.path} <@ ${list}`);
  return rows.map((r) => r.id);
}

export async function countActiveChildren(db: Db, id: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisation)
    .where(and(eq(organisation.parentId, id), isNull(organisation.dissolvedOn)));
  return rows[0]?.n ?? 0;
}

export async function upsertVillages(
  db: Db,
  villages: readonly { code: string; name: string; kind: string; communeId: number; branchId: number }[],
): Promise<void> {
  for (let i = 0; i < villages.length; i += 1000) {
    const chunk = villages.slice(i, i + 1000);
    // A branch serves one village: free the branch from any other village first.
    await db
      .update(village)
      .set({ branchId: null })
      .where(
        and(
          inArray(
            village.branchId,
            chunk.map((v) => v.branchId),
          ),
          notInArray(
            village.code,
            chunk.map((v) => v.code),
          ),
        ),
      );
    await db
      .insert(village)
      .values(chunk.map((v) => ({ ...v })))
      .onConflictDoUpdate({
        target: village.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          communeId: sql`excluded.commune_id`,
          branchId: sql`excluded.branch_id`,
        },
      });
  }
}

export interface ExportRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector: string | null;
  readonly parentCode: string | null;
  readonly villageCode: string | null;
  readonly villageName: string | null;
  readonly villageKind: string | null;
}

/** The subtree in path order (parents before children), with parent codes and villages. */
export async function listSubtreeForExport(db: Db, path: string): Promise<ExportRow[]> {
  const parent = sql<
    string | null
  >`(select p.code from organisation p where p.id = ${organisation.parentId})`;
  return db
    .select({
      code: organisation.code,
      name: organisation.name,
      level: organisation.levelCode,
      kind: organisation.kindCode,
      sector: organisation.sector,
      parentCode: parent,
      villageCode: village.code,
      villageName: village.name,
      villageKind: village.kind,
    })
    .from(organisation)
    .leftJoin(village, eq(village.branchId, organisation.id))
    .where(and(sql`${organisation.path} <@ ${path}::ltree`, isNull(organisation.dissolvedOn)))
    .orderBy(asc(organisation.depth), asc(organisation.path));
}

export async function countOrgs(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(organisation);
  return rows[0]?.n ?? 0;
}

export async function orgIdsByCode(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: organisation.id, code: organisation.code }).from(organisation);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Imports serialise with each other, so two uploads cannot interleave their plans. */
export async function lockForImport(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(727003)`);
}
