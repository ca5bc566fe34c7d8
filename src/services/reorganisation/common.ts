/**
 * What mergers and splits share: founding the new organisation, moving the children and ending the
 * old ones on the effective day, and the day check.
 */

import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import {
  checkEffectiveDay,
  checkPlacement,
  describePlacementError,
  searchKey,
  vietnamDay,
} from "../../domain/organisation/index.ts";
import { syncVersionsInRollups } from "../congresses/index.ts";
import { type AppError, errors } from "../errors.ts";
import { loadHierarchy } from "../organisations/common.ts";

/** A new organisation a merger or split founds. */
export interface NewOrgSpec {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | null | undefined;
  readonly parentId: number;
}

/** Founds an organisation on `day` under an existing parent (placement and day checked). */
export async function found(
  tx: Db,
  spec: NewOrgSpec,
  day: IsoDate,
): Promise<Result<repo.OrgRecord, AppError>> {
  const hierarchy = await loadHierarchy(tx);
  if (!hierarchy.kinds.has(spec.kind))
    return err(
      errors.orgRule(
        "unknown_kind",
        describePlacementError({ rule: "unknown_kind", kind: spec.kind }, hierarchy),
      ),
    );
  if (await repo.findOrgByCode(tx, { kind: "all" }, spec.code)) return err(errors.orgCodeTaken(spec.code));
  const parent = await repo.findOrgById(tx, { kind: "all" }, spec.parentId);
  if (!parent || !(await histRepo.findSegmentOn(tx, { kind: "all" }, parent.id, day)))
    return err(
      errors.orgRule("parent_not_existing", `Đơn vị cấp trên của ${spec.name} không có vào ngày hiệu lực`),
    );
  const placement = checkPlacement(hierarchy, spec.level, parent.level);
  if (!placement.ok)
    return err(errors.orgRule(placement.error.rule, describePlacementError(placement.error, hierarchy)));
  const [id] = await repo.reserveOrgIds(tx, 1);
  const name = spec.name.trim().replace(/\s+/g, " ");
  const [created] = await repo.insertOrgs(tx, [
    {
      id: id!,
      code: spec.code,
      name,
      searchName: searchKey(name),
      level: spec.level,
      kind: spec.kind,
      sector: spec.sector?.trim() || null,
      parentId: parent.id,
      path: `${parent.path}.${id}`,
      depth: parent.depth + 1,
      foundedOn: day,
    },
  ]);
  return ok(created!);
}

/**
 * Moves children (with their subtrees) to new parents and ends the given organisations, all on
 * `day`. The caller checked the day for the ending ones; the moved subtrees are checked here.
 */
export async function moveChildrenAndEnd(
  tx: Db,
  moves: readonly { child: repo.OrgRecord; to: repo.OrgRecord }[],
  ending: readonly repo.OrgRecord[],
  /** Organisations founded by this change (already inserted): counted from the day on. */
  created: readonly repo.OrgRecord[],
  day: IsoDate,
  reason: string,
): Promise<Result<void, AppError>> {
  const moved = new Set<number>();
  for (const id of await repo.subtreesIds(
    tx,
    moves.map((m) => m.child.path),
  ))
    moved.add(id);
  const latest = await histRepo.latestChangeDay(tx, [...moved]);
  if (latest !== null && latest > day)
    return err(
      errors.orgRule(
        "before_latest_change",
        `Một đơn vị trực thuộc đã có thay đổi từ ngày ${latest.split("-").reverse().join("/")}; thay đổi mới phải có hiệu lực từ ngày đó trở đi`,
      ),
    );
  const touched = [...new Set([...moved, ...ending.map((o) => o.id)])];
  const before = await histRepo.listSegments(tx, touched);
  // One statement per (old parent, new parent) pair; both re-read, as an earlier group may have
  // moved them.
  const groups = new Map<string, { fromId: number; toId: number; childIds: number[] }>();
  for (const m of moves) {
    const key = `${m.child.parentId}|${m.to.id}`;
    const g = groups.get(key) ?? { fromId: m.child.parentId!, toId: m.to.id, childIds: [] };
    g.childIds.push(m.child.id);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const from = (await repo.findOrgById(tx, { kind: "all" }, g.fromId))!;
    const to = (await repo.findOrgById(tx, { kind: "all" }, g.toId))!;
    await repo.moveChildrenTogether(tx, from, g.childIds, to);
  }
  if (moved.size > 0) await histRepo.snapshotVersions(tx, [...moved], day);
  for (const o of ending) await repo.updateOrgFields(tx, o.id, { dissolvedOn: day, dissolvedReason: reason });
  await histRepo.endVersions(
    tx,
    ending.map((o) => o.id),
    day,
  );
  await syncVersionsInRollups(
    tx,
    before,
    await histRepo.listSegments(tx, [...touched, ...created.map((o) => o.id)]),
  );
  return ok(undefined);
}

export async function checkDay(tx: Db, orgIds: readonly number[], day: IsoDate, name: string) {
  const latest = await histRepo.latestChangeDay(tx, orgIds);
  const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: latest, name });
  if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
  if (latest !== null && day <= latest)
    return err(
      errors.orgRule("before_latest_change", `${name} phải kết thúc sau ngày thay đổi gần nhất của nó`),
    );
  return ok(undefined);
}
