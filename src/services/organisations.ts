/**
 * Organisation use-cases: open a transaction → load → domain rules → write → audit → Result.
 */
import { type Actor, type AuditEntryInput, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { compareVietnamese, foldDiacritics } from "../domain/format/text.ts";
import {
  checkMove,
  checkPlacement,
  describePlacementError,
  type Hierarchy,
  type ImportIssue,
  makeHierarchy,
  type NumberedOrgRow,
  planOrgImport,
  searchKey,
} from "../domain/organisation/index.ts";
import { rebuildAllRollups, syncOrgInRollups } from "./congresses/index.ts";
import { type AppError, errors } from "./errors.ts";

export async function loadHierarchy(db: Db): Promise<Hierarchy> {
  return makeHierarchy(await repo.loadLevels(db), await repo.loadKinds(db));
}

/** Children sorted as users expect: by level, then Vietnamese name order ("Thôn 2" before "Thôn 10"). */
export function sortNodes(nodes: repo.OrgNodeRecord[], hierarchy: Hierarchy): repo.OrgNodeRecord[] {
  const rank = (l: string) => hierarchy.levels.get(l)?.rank ?? 99;
  return [...nodes].sort((a, b) => rank(a.level) - rank(b.level) || compareVietnamese(a.name, b.name));
}

/** The audited shape of an organisation (no timestamps: those are the audit entry's own). */
function auditView(o: repo.OrgRecord) {
  return {
    code: o.code,
    name: o.name,
    level: o.level,
    kind: o.kind,
    sector: o.sector,
    parentId: o.parentId,
    path: o.path,
    dissolvedOn: o.dissolvedOn,
    dissolvedReason: o.dissolvedReason,
  };
}

export interface CreateOrgInput {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | null | undefined;
  readonly parentId: number | null;
}

export async function createOrg(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: CreateOrgInput,
): Promise<Result<repo.OrgRecord, AppError>> {
  return db.transaction(async (tx) => {
    const hierarchy = await loadHierarchy(tx);
    if (!hierarchy.kinds.has(input.kind)) {
      return err(
        errors.orgRule(
          "unknown_kind",
          describePlacementError({ rule: "unknown_kind", kind: input.kind }, hierarchy),
        ),
      );
    }
    let parent: repo.OrgRecord | null = null;
    if (input.parentId !== null) {
      parent = await repo.findOrgById(tx, scope, input.parentId);
      if (!parent) return err(errors.notFound("đơn vị cấp trên", input.parentId));
      if (parent.dissolvedOn) return err(errors.orgDissolved(parent.name));
    } else if (scope.kind !== "all") {
      return err(errors.notFound("đơn vị cấp trên", "(gốc)"));
    }
    const placement = checkPlacement(hierarchy, input.level, parent?.level ?? null);
    if (!placement.ok)
      return err(errors.orgRule(placement.error.rule, describePlacementError(placement.error, hierarchy)));
    if (await repo.findOrgByCode(tx, { kind: "all" }, input.code))
      return err(errors.orgCodeTaken(input.code));
    const [id] = await repo.reserveOrgIds(tx, 1);
    const [created] = await repo.insertOrgs(tx, [
      {
        id: id!,
        code: input.code,
        name: input.name.trim().replace(/\s+/g, " "),
        searchName: searchKey(input.name),
        level: input.level,
        kind: input.kind,
        sector: input.sector?.trim() || null,
        parentId: parent?.id ?? null,
        path: parent ? `${parent.path}.${id}` : String(id),
        depth: parent ? parent.depth + 1 : 0,
      },
    ]);
    await syncOrgInRollups(tx, null, created!);
    await appendAudit(tx, actor, [
      {
        action: "org.create",
        entity: "organisation",
        entityId: created!.id,
        orgId: created!.id,
        before: null,
        after: auditView(created!),
      },
    ]);
    return ok(created!);
  });
}

export interface UpdateOrgInput {
  readonly name?: string | undefined;
  readonly kind?: string | undefined;
  readonly sector?: string | null | undefined;
}

export async function updateOrg(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: UpdateOrgInput,
): Promise<Result<repo.OrgRecord, AppError>> {
  return db.transaction(async (tx) => {
    const org = await repo.findOrgById(tx, scope, id);
    if (!org) return err(errors.notFound("đơn vị", id));
    if (org.dissolvedOn) return err(errors.orgDissolved(org.name));
    if (input.kind !== undefined) {
      const hierarchy = await loadHierarchy(tx);
      if (!hierarchy.kinds.has(input.kind)) {
        return err(
          errors.orgRule(
            "unknown_kind",
            describePlacementError({ rule: "unknown_kind", kind: input.kind }, hierarchy),
          ),
        );
      }
    }
    const name = input.name?.trim().replace(/\s+/g, " ");
    const updated = await repo.updateOrgFields(tx, id, {
      ...(name !== undefined ? { name, searchName: searchKey(name) } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.sector !== undefined ? { sector: input.sector?.trim() || null } : {}),
    });
    // The kind is a roll-up dimension (commune-level figures filter on it).
    if (updated.kind !== org.kind) await rebuildAllRollups(tx);
    await appendAudit(tx, actor, [
      {
        action: "org.update",
        entity: "organisation",
        entityId: id,
        orgId: id,
        before: auditView(org),
        after: auditView(updated),
      },
    ]);
    return ok(updated);
  });
}

export async function moveOrg(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  newParentId: number,
): Promise<Result<repo.OrgRecord, AppError>> {
  return db.transaction(async (tx) => {
    const org = await repo.findOrgById(tx, scope, id);
    if (!org) return err(errors.notFound("đơn vị", id));
    if (org.dissolvedOn) return err(errors.orgDissolved(org.name));
    const parent = await repo.findOrgById(tx, scope, newParentId);
    if (!parent) return err(errors.notFound("đơn vị cấp trên", newParentId));
    if (org.parentId === parent.id) return ok(org);
    const hierarchy = await loadHierarchy(tx);
    const check = checkMove(
      hierarchy,
      { code: org.code, level: org.level, path: org.path },
      { code: parent.code, level: parent.level, path: parent.path, dissolved: parent.dissolvedOn !== null },
    );
    if (!check.ok)
      return err(errors.orgRule(check.error.rule, describePlacementError(check.error, hierarchy)));
    const moved = await repo.moveSubtree(tx, org, parent);
    // Every organisation below has new ancestors.
    await rebuildAllRollups(tx);
    await appendAudit(tx, actor, [
      {
        action: "org.move",
        entity: "organisation",
        entityId: id,
        orgId: id,
        before: auditView(org),
        after: auditView(moved),
      },
    ]);
    return ok(moved);
  });
}

export async function dissolveOrg(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { date: string; reason: string },
): Promise<Result<repo.OrgRecord, AppError>> {
  return db.transaction(async (tx) => {
    const org = await repo.findOrgById(tx, scope, id);
    if (!org) return err(errors.notFound("đơn vị", id));
    if (org.dissolvedOn) return err(errors.orgDissolved(org.name));
    const active = await repo.countActiveChildren(tx, id);
    if (active > 0) return err(errors.orgHasActiveChildren(org.name, active));
    const updated = await repo.updateOrgFields(tx, id, {
      dissolvedOn: input.date,
      dissolvedReason: input.reason.trim(),
    });
    await syncOrgInRollups(tx, org, updated);
    await appendAudit(tx, actor, [
      {
        action: "org.dissolve",
        entity: "organisation",
        entityId: id,
        orgId: id,
        before: auditView(org),
        after: auditView(updated),
      },
    ]);
    return ok(updated);
  });
}

export interface ImportSummary {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly villages: number;
}

export type ImportProgress = (done: number, total: number) => void;

/**
 * All-or-nothing import: the plan is checked in full against the stored tree; any issue means
 * nothing is written. Re-importing the same file changes nothing (codes are the identity).
 */
export async function importOrgs(
  db: Db,
  actor: Actor,
  rows: readonly NumberedOrgRow[],
  options: { dryRun: boolean; onProgress?: ImportProgress },
): Promise<Result<ImportSummary, ImportIssue[]>> {
  return db.transaction(async (tx) => {
    await repo.lockForImport(tx);
    const hierarchy = await loadHierarchy(tx);
    const stored = await repo.loadOrgsForImport(tx);
    const planned = planOrgImport(rows, stored.orgs, stored.villages, hierarchy);
    if (!planned.ok) return planned;
    const plan = planned.value;
    const summary: ImportSummary = {
      dryRun: options.dryRun,
      rows: rows.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      villages: plan.villages.length,
    };
    if (options.dryRun) return ok(summary);

    const total = plan.creates.length + plan.updates.length + plan.villages.length;
    let done = 0;
    const byCode = new Map<string, { id: number; path: string; depth: number }>();
    for (const o of stored.orgs) byCode.set(o.code, { id: o.id, path: "", depth: -1 });
    const needPath = async (code: string) => {
      const known = byCode.get(code);
      if (known && known.depth >= 0) return known;
      const rec = await repo.findOrgByCode(tx, { kind: "all" }, code);
      const v = { id: rec!.id, path: rec!.path, depth: rec!.depth };
      byCode.set(code, v);
      return v;
    };
    const audit: AuditEntryInput[] = [];

    // Creates, parents first, in batches of one depth so every parent has its path.
    const ids = await repo.reserveOrgIds(tx, plan.creates.length);
    const newOrgs: repo.NewOrg[] = [];
    for (const [i, c] of plan.creates.entries()) {
      const id = ids[i]!;
      const parent = c.row.parentCode ? await needPath(c.row.parentCode) : null;
      const rec = {
        id,
        code: c.row.code,
        name: c.row.name,
        searchName: searchKey(c.row.name),
        level: c.row.level,
        kind: c.row.kind,
        sector: c.row.sector ?? null,
        parentId: parent?.id ?? null,
        path: parent ? `${parent.path}.${id}` : String(id),
        depth: parent ? parent.depth + 1 : 0,
      };
      byCode.set(rec.code, { id, path: rec.path, depth: rec.depth });
      newOrgs.push(rec);
    }
    const inserted = await repo.insertOrgs(tx, newOrgs);
    for (const o of inserted) {
      audit.push({
        action: "org.import.create",
        entity: "organisation",
        entityId: o.id,
        orgId: o.id,
        before: null,
        after: auditView(o),
      });
    }
    done += inserted.length;
    options.onProgress?.(done, total);

    for (const u of plan.updates) {
      const before = (await repo.findOrgById(tx, { kind: "all" }, u.existing!.id))!;
      let after = await repo.updateOrgFields(tx, before.id, {
        name: u.row.name,
        searchName: searchKey(u.row.name),
        kind: u.row.kind,
        sector: u.row.sector ?? null,
      });
      if (
        (before.parentId ?? null) !== (u.row.parentCode ? (await needPath(u.row.parentCode)).id : null) &&
        u.row.parentCode
      ) {
        const parent = (await repo.findOrgByCode(tx, { kind: "all" }, u.row.parentCode))!;
        after = await repo.moveSubtree(tx, after, parent);
        // Paths below changed: forget cached ones.
        for (const [k, v] of byCode)
          if (v.path.startsWith(`${before.path}.`) || v.path === before.path)
            byCode.set(k, { ...v, depth: -1 });
      }
      audit.push({
        action: "org.import.update",
        entity: "organisation",
        entityId: before.id,
        orgId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      done++;
    }
    options.onProgress?.(done, total);

    const villageRows = [];
    for (const v of plan.villages) {
      villageRows.push({
        code: v.code,
        name: v.name,
        kind: v.kind,
        communeId: (await needPath(v.communeCode)).id,
        branchId: (await needPath(v.branchCode)).id,
      });
    }
    await repo.upsertVillages(tx, villageRows);
    for (const v of villageRows) {
      audit.push({
        action: "village.import.upsert",
        entity: "village",
        entityId: v.code,
        orgId: v.branchId,
        before: null,
        after: v,
      });
    }
    done += villageRows.length;
    options.onProgress?.(done, total);
    if (plan.creates.length + plan.updates.length > 0) await rebuildAllRollups(tx);
    await appendAudit(tx, actor, audit);
    return ok(summary);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the tree (the routes present these; they do not compose repository calls themselves)

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

export async function listOrgRoots(db: Db, scope: Scope): Promise<repo.OrgNodeRecord[]> {
  return sortNodes(await repo.listScopeRoots(db, scope), await loadHierarchy(db));
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
): Promise<Result<repo.OrgNodeRecord[], AppError>> {
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

export async function getOrgDetail(db: Db, scope: Scope, id: number): Promise<Result<OrgDetail, AppError>> {
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
  readonly limit: number;
  readonly offset: number;
}

/** Search without diacritics; each hit with the names of its ancestors. */
export async function searchOrgTree(
  db: Db,
  scope: Scope,
  input: OrgSearchInput,
): Promise<Result<{ total: number; items: (repo.OrgNodeRecord & { pathNames: string[] })[] }, AppError>> {
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
