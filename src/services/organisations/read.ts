/**
 * Reading the tree (the routes present these; they do not compose repository calls themselves).
 */

import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import { type AppError, errors } from "../errors.ts";
import { loadHierarchy, sortNodes } from "./common.ts";

/** The path of `within` in the caller's scope, for "search inside this organisation" filters. */
export async function resolveWithinPath(
  db: Db,
  scope: Scope,
  within: number | undefined,
): Promise<Result<string | undefined, AppError>> {
  if (within === undefined) return ok(undefined);
  const org = await repo.findOrgById(db, scope, within);
  return org ? ok(org.path) : err(errors.notFound("đơn vị", within));
}

export async function listOrgRoots(db: Db, scope: Scope, asOf?: IsoDate): Promise<repo.OrgNodeRecord[]> {
  if (asOf === undefined) return sortNodes(await repo.listScopeRoots(db, scope), await loadHierarchy(db));
  // The granted organisations (or the top) as they stood on the day.
  return sortNodes(await histRepo.listScopeRootsOn(db, scope, asOf), await loadHierarchy(db));
}

/**
 * Where the user's pages open: the first top of what they may read (the province for an
 * administrator, their granted organisation for an officer or viewer); none for a counting clerk,
 * who reads only their congress's count.
 */
export async function homeOrganisation(
  db: Db,
  scope: Scope,
): Promise<{ id: number; code: string; name: string } | null> {
  const top = (await listOrgRoots(db, scope))[0];
  return top ? { id: top.id, code: top.code, name: top.name } : null;
}

export async function listOrgChildren(
  db: Db,
  scope: Scope,
  id: number,
  includeDissolved: boolean,
  asOf?: IsoDate,
): Promise<Result<repo.OrgNodeRecord[], AppError>> {
  if (asOf !== undefined) {
    const parent = await histRepo.findSegmentOn(db, scope, id, asOf);
    if (!parent) return err(errors.notFound("đơn vị", id));
    return ok(sortNodes(await histRepo.listChildNodesOn(db, scope, id, asOf), await loadHierarchy(db)));
  }
  const parent = await repo.findOrgById(db, scope, id);
  if (!parent) return err(errors.notFound("đơn vị", id));
  return ok(
    sortNodes(await repo.listChildren(db, scope, parent.id, includeDissolved), await loadHierarchy(db)),
  );
}

/** The node as the tree shows it (after a write: the caller already passed the scope check). */
export async function getOrgNode(db: Db, id: number): Promise<repo.OrgNodeRecord | null> {
  return repo.findOrgNode(db, { kind: "all" }, id);
}

export interface OrgDetail {
  readonly node: repo.OrgNodeRecord;
  readonly ancestors: { id: number; code: string; name: string; level: string }[];
  readonly countsByLevel: { level: string; count: number }[];
  readonly villageCount: number;
}

export async function getOrgDetail(
  db: Db,
  scope: Scope,
  id: number,
  asOf?: IsoDate,
): Promise<Result<OrgDetail, AppError>> {
  if (asOf !== undefined) {
    const node = await histRepo.findNodeOn(db, scope, id, asOf);
    if (!node) return err(errors.notFound("đơn vị", id));
    const ancestorIds = node.path.split(".").slice(0, -1).map(Number);
    const names = await histRepo.namesOn(db, ancestorIds, asOf);
    const levels = new Map((await histRepo.listNodesOn(db, ancestorIds, asOf)).map((a) => [a.id, a]));
    return ok({
      node,
      ancestors: ancestorIds.map((a) => ({
        id: a,
        code: levels.get(a)?.code ?? "",
        name: names.get(a) ?? "?",
        level: levels.get(a)?.level ?? "",
      })),
      countsByLevel: await histRepo.countByLevelOn(db, id, asOf),
      villageCount: await repo.countVillagesInSubtree(db, node.path),
    });
  }
  const node = await repo.findOrgNode(db, scope, id);
  if (!node) return err(errors.notFound("đơn vị", id));
  const [ancestors, countsByLevel, villageCount] = await Promise.all([
    repo.listAncestors(db, node.path),
    repo.countByLevelInSubtree(db, node.path),
    repo.countVillagesInSubtree(db, node.path),
  ]);
  return ok({ node, ancestors, countsByLevel, villageCount });
}

export interface OrgSearchInput {
  readonly q?: string | undefined;
  readonly level?: string | undefined;
  readonly kind?: string | undefined;
  readonly sector?: string | undefined;
  readonly within?: number | undefined;
  readonly includeDissolved?: boolean | undefined;
  /** The tree as it stood on this day (names, places and counts of that day). */
  readonly asOf?: IsoDate | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Search without diacritics; each hit with the names of its ancestors. */
export async function searchOrgTree(
  db: Db,
  scope: Scope,
  input: OrgSearchInput,
): Promise<Result<{ total: number; items: (repo.OrgNodeRecord & { pathNames: string[] })[] }, AppError>> {
  if (input.asOf !== undefined) {
    const found = await histRepo.searchOn(db, scope, input.asOf, {
      foldedQuery: input.q ? foldDiacritics(input.q) : undefined,
      level: input.level,
      kind: input.kind,
      sector: input.sector,
      withinId: input.within,
      limit: input.limit,
      offset: input.offset,
    });
    const up = (path: string) => path.split(".").slice(0, -1).map(Number);
    const names = await histRepo.namesOn(
      db,
      [...new Set(found.items.flatMap((n) => up(n.path)))],
      input.asOf,
    );
    return ok({
      total: found.total,
      items: found.items.map((n) => ({ ...n, pathNames: up(n.path).map((a) => names.get(a) ?? "?") })),
    });
  }
  const within = await resolveWithinPath(db, scope, input.within);
  if (!within.ok) return within;
  const found = await repo.searchOrgs(db, scope, {
    foldedQuery: input.q ? foldDiacritics(input.q) : undefined,
    level: input.level,
    kind: input.kind,
    sector: input.sector,
    withinPath: within.value,
    includeDissolved: input.includeDissolved,
    limit: input.limit,
    offset: input.offset,
  });
  const ancestorsOf = (path: string) => path.split(".").slice(0, -1).map(Number);
  const names = await repo.namesByIds(db, [...new Set(found.items.flatMap((n) => ancestorsOf(n.path)))]);
  return ok({
    total: found.total,
    items: found.items.map((n) => ({ ...n, pathNames: ancestorsOf(n.path).map((a) => names.get(a) ?? "?") })),
  });
}
