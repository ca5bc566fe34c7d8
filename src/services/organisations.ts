/**
 * Organisation use-cases: open a transaction → load → domain rules → write → audit → Result.
 */

import { sql } from "drizzle-orm";
import { type Actor, type AuditEntryInput, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as histRepo from "../db/repositories/org-history.ts";
import * as repo from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import type { IsoDate } from "../domain/format/date.ts";
import { compareVietnamese, foldDiacritics } from "../domain/format/text.ts";
import {
  checkEffectiveDay,
  checkMove,
  checkPlacement,
  describePlacementError,
  type Hierarchy,
  type ImportIssue,
  makeHierarchy,
  type NumberedOrgRow,
  planOrgImport,
  searchKey,
  vietnamDay,
} from "../domain/organisation/index.ts";

import { rebuildAllRollups, syncVersionsInRollups } from "./congresses/index.ts";

import { type AppError, errors } from "./errors.ts";

/** An organisation, and one with its children count for the tree, as the services return them. */
export type Organisation = repo.OrgRecord;
export type OrgTreeNode = repo.OrgNodeRecord;

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

/**
 * A dated change to some organisations (a subtree for a move): checks the day, lets `write` change
 * today's rows, makes the result their version valid from `day`, and moves their roll-up events
 * from `day` on. Nothing before `day` changes.
 */
async function datedChange(
  tx: Db,
  orgIds: readonly number[],
  name: string,
  day: IsoDate,
  write: () => Promise<void>,
): Promise<Result<void, AppError>> {
  const ids = sql.raw(`'{${orgIds.join(",")}}'::int[]`);
  const latest = await histRepo.latestChangeDay(tx, sql`org_id = any(${ids})`);
  const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: latest, name });
  if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
  const before = await histRepo.listSegments(tx, orgIds);
  await write();
  await histRepo.snapshotVersions(tx, sql`o.id = any(${ids})`, day);
  await syncVersionsInRollups(tx, before, await histRepo.listSegments(tx, orgIds));
  return ok(undefined);
}

/** The parent must exist on the day the change takes effect. */
async function parentExistsOn(tx: Db, parent: repo.OrgRecord, day: IsoDate): Promise<Result<void, AppError>> {
  const seg = await histRepo.findSegmentOn(tx, { kind: "all" }, parent.id, day);
  return seg
    ? ok(undefined)
    : err(
        errors.orgRule("parent_not_existing", `${parent.name} chưa có (hoặc đã giải thể) vào ngày hiệu lực`),
      );
}

export interface CreateOrgInput {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | null | undefined;
  readonly parentId: number | null;
  /** The founding day (default: today in Vietnam). */
  readonly effectiveOn?: IsoDate | undefined;
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
    const day = input.effectiveOn ?? vietnamDay(new Date());
    const checked = checkEffectiveDay(day, vietnamDay(new Date()), null);
    if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
    if (parent) {
      const exists = await parentExistsOn(tx, parent, day);
      if (!exists.ok) return exists;
    }
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
        foundedOn: day,
      },
    ]);
    await syncVersionsInRollups(tx, [], await histRepo.listSegments(tx, [created!.id]));
    await appendAudit(tx, actor, [
      {
        action: "org.create",
        entity: "organisation",
        entityId: created!.id,
        orgId: created!.id,
        before: null,
        after: { ...auditView(created!), effectiveOn: day },
      },
    ]);
    return ok(created!);
  });
}

export interface UpdateOrgInput {
  readonly name?: string | undefined;
  readonly kind?: string | undefined;
  readonly sector?: string | null | undefined;
  /** From which day the new name, kind or sector holds (default: today in Vietnam). */
  readonly effectiveOn?: IsoDate | undefined;
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
    const day = input.effectiveOn ?? vietnamDay(new Date());
    let updated = org;
    // The kind is a roll-up dimension (commune-level figures filter on it): the version from `day`
    // carries it, so only figures from that day on see the new kind.
    const changed = await datedChange(tx, [id], org.name, day, async () => {
      updated = await repo.updateOrgFields(tx, id, {
        ...(name !== undefined ? { name, searchName: searchKey(name) } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.sector !== undefined ? { sector: input.sector?.trim() || null } : {}),
      });
    });
    if (!changed.ok) return changed;
    await appendAudit(tx, actor, [
      {
        action: "org.update",
        entity: "organisation",
        entityId: id,
        orgId: id,
        before: auditView(org),
        after: { ...auditView(updated), effectiveOn: day },
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
  /** From which day the organisation sits under the new parent (default: today in Vietnam). */
  effectiveOn?: IsoDate,
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
    const day = effectiveOn ?? vietnamDay(new Date());
    const exists = await parentExistsOn(tx, parent, day);
    if (!exists.ok) return exists;
    // Every organisation below has new ancestors from `day` on.
    let moved = org;
    const subtree = await repo.subtreeIds(tx, org.path);
    const changed = await datedChange(tx, subtree, org.name, day, async () => {
      moved = await repo.moveSubtree(tx, org, parent);
    });
    if (!changed.ok) return changed;
    await appendAudit(tx, actor, [
      {
        action: "org.move",
        entity: "organisation",
        entityId: id,
        orgId: id,
        before: auditView(org),
        after: { ...auditView(moved), effectiveOn: day, subtree: subtree.length },
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
    const latest = await histRepo.latestChangeDay(tx, sql`org_id = ${id}`);
    const checked = checkEffectiveDay(input.date, vietnamDay(new Date()), { day: latest, name: org.name });
    if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
    if (latest !== null && input.date <= latest)
      return err(
        errors.orgRule("before_latest_change", `${org.name} phải giải thể sau ngày thay đổi gần nhất của nó`),
      );
    const before = await histRepo.listSegments(tx, [id]);
    const updated = await repo.updateOrgFields(tx, id, {
      dissolvedOn: input.date,
      dissolvedReason: input.reason.trim(),
    });
    await histRepo.endVersions(tx, [id], input.date);
    await syncVersionsInRollups(tx, before, await histRepo.listSegments(tx, [id]));
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
  options: {
    dryRun: boolean;
    onProgress?: ImportProgress;
    /**
     * The day new organisations are founded and changes take effect (default: today in Vietnam).
     * The demo and tests loading a past tree pass an early day.
     */
    effectiveOn?: IsoDate;
  },
): Promise<Result<ImportSummary, ImportIssue[]>> {
  const day = options.effectiveOn ?? vietnamDay(new Date());
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
        foundedOn: day,
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

    // Renamed and moved organisations (moved with their subtrees) get a version from `day`.
    const changedIds = new Set<number>();
    for (const u of plan.updates) {
      const before = (await repo.findOrgById(tx, { kind: "all" }, u.existing!.id))!;
      changedIds.add(before.id);
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
        for (const x of await repo.subtreeIds(tx, after.path)) changedIds.add(x);
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
    if (changedIds.size > 0) {
      const ids = [...changedIds];
      const latest = await histRepo.latestChangeDay(
        tx,
        sql`org_id = any(${sql.raw(`'{${ids.join(",")}}'::int[]`)})`,
      );
      if (latest !== null && latest > day)
        throw new Error(`import on ${day} would rewrite versions from ${latest}`); // days are never in the future
      for (let i = 0; i < ids.length; i += 10_000)
        await histRepo.snapshotVersions(
          tx,
          sql`o.id = any(${sql.raw(`'{${ids.slice(i, i + 10_000).join(",")}}'::int[]`)})`,
          day,
        );
    }
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

export async function listOrgRoots(db: Db, scope: Scope, asOf?: IsoDate): Promise<repo.OrgNodeRecord[]> {
  if (asOf === undefined) return sortNodes(await repo.listScopeRoots(db, scope), await loadHierarchy(db));
  // The granted organisations (or the top) as they stood on the day.
  const where =
    scope.kind === "all"
      ? sql`v.parent_id is null`
      : sql`v.org_id = any(${sql.raw(`'{${scope.paths.map((p) => p.split(".").at(-1)).join(",") || "0"}}'::int[]`)})`;
  return sortNodes(await histRepo.selectNodesOn(db, where, asOf), await loadHierarchy(db));
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
    return ok(
      sortNodes(
        await histRepo.selectNodesOn(db, sql`v.parent_id = ${id} and ${histRepo.nodeInScope(scope)}`, asOf),
        await loadHierarchy(db),
      ),
    );
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
    const [node] = await histRepo.selectNodesOn(
      db,
      sql`v.org_id = ${id} and ${histRepo.nodeInScope(scope)}`,
      asOf,
    );
    if (!node) return err(errors.notFound("đơn vị", id));
    const ancestorIds = node.path.split(".").slice(0, -1).map(Number);
    const names = await histRepo.namesOn(db, ancestorIds, asOf);
    const levels = new Map(
      (
        await histRepo.selectNodesOn(
          db,
          sql`v.org_id = any(${sql.raw(`'{${ancestorIds.join(",") || "0"}}'::int[]`)})`,
          asOf,
        )
      ).map((a) => [a.id, a]),
    );
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
