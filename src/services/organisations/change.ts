/**
 * Changing one organisation: found, rename/reclassify, move, dissolve. Each opens a transaction →
 * load → domain rules → write → audit → Result.
 */

import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import {
  checkEffectiveDay,
  checkMove,
  checkPlacement,
  describePlacementError,
  searchKey,
  vietnamDay,
} from "../../domain/organisation/index.ts";
import { syncVersionsInRollups } from "../congresses/index.ts";
import { type AppError, errors } from "../errors.ts";
import { auditView, datedChange, loadHierarchy, parentExistsOn } from "./common.ts";

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

/**
 * Several organisations moved on one day, each with its subtree under its new parent: each checked
 * as `moveOrg` checks it (the first broken rule comes back with the index of its move, nothing
 * written), then written together — one statement per (old parent, new parent) pair, one new
 * version per moved organisation, one roll-up update, one audit entry each in one append. A
 * reorganisation plan's hundreds of "Chuyển" rows of one day take one pass instead of hundreds.
 * Runs inside the caller's transaction.
 */
export async function moveOrgsTogether(
  tx: Db,
  actor: Actor,
  moves: readonly { readonly org: repo.OrgRecord; readonly parent: repo.OrgRecord }[],
  day: IsoDate,
): Promise<Result<{ moved: number[] }, { index: number; error: AppError }>> {
  const hierarchy = await loadHierarchy(tx);
  const todo: { index: number; org: repo.OrgRecord; parent: repo.OrgRecord }[] = [];
  const parentsOk = new Map<number, Result<void, AppError>>();
  for (const [index, { org, parent }] of moves.entries()) {
    const fail = (error: AppError) => err({ index, error });
    if (org.dissolvedOn) return fail(errors.orgDissolved(org.name));
    if (org.parentId === parent.id) continue;
    const check = checkMove(
      hierarchy,
      { code: org.code, level: org.level, path: org.path },
      { code: parent.code, level: parent.level, path: parent.path, dissolved: parent.dissolvedOn !== null },
    );
    if (!check.ok)
      return fail(errors.orgRule(check.error.rule, describePlacementError(check.error, hierarchy)));
    if (!parentsOk.has(parent.id)) parentsOk.set(parent.id, await parentExistsOn(tx, parent, day));
    const exists = parentsOk.get(parent.id)!;
    if (!exists.ok) return fail(exists.error);
    todo.push({ index, org, parent });
  }
  if (todo.length === 0) return ok({ moved: [] });
  const subtree = await repo.subtreesIds(
    tx,
    todo.map((m) => m.org.path),
  );
  const latest = await histRepo.latestChangeDay(tx, subtree);
  if (latest !== null && latest > day) {
    // Which move: the first whose subtree changed after the day.
    for (const m of todo) {
      const own = await repo.subtreeIds(tx, m.org.path);
      const l = await histRepo.latestChangeDay(tx, own);
      const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: l, name: m.org.name });
      if (!checked.ok)
        return err({ index: m.index, error: errors.orgRule(checked.error.rule, checked.error.message) });
    }
  }
  const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: latest, name: todo[0]!.org.name });
  if (!checked.ok)
    return err({ index: todo[0]!.index, error: errors.orgRule(checked.error.rule, checked.error.message) });
  const before = await histRepo.listSegments(tx, subtree);
  // One statement per (old parent, new parent) pair, both re-read (an earlier pair may move them).
  const groups = new Map<string, { fromId: number; toId: number; childIds: number[] }>();
  for (const m of todo) {
    const key = `${m.org.parentId}|${m.parent.id}`;
    const g = groups.get(key) ?? { fromId: m.org.parentId!, toId: m.parent.id, childIds: [] };
    g.childIds.push(m.org.id);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const from = (await repo.findOrgById(tx, { kind: "all" }, g.fromId))!;
    const to = (await repo.findOrgById(tx, { kind: "all" }, g.toId))!;
    await repo.moveChildrenTogether(tx, from, g.childIds, to);
  }
  await histRepo.snapshotVersions(tx, subtree, day);
  await syncVersionsInRollups(tx, before, await histRepo.listSegments(tx, subtree));
  const after = await repo.findOrgsByCodes(
    tx,
    { kind: "all" },
    todo.map((m) => m.org.code),
  );
  await appendAudit(
    tx,
    actor,
    todo.map((m) => ({
      action: "org.move",
      entity: "organisation",
      entityId: m.org.id,
      orgId: m.org.id,
      before: auditView(m.org),
      after: { ...auditView(after.get(m.org.code)!), effectiveOn: day },
    })),
  );
  return ok({ moved: subtree });
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
    const latest = await histRepo.latestChangeDay(tx, [id]);
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
