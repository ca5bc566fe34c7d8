/**
 * What the organisation use-cases share: the hierarchy, the children order, the audited shape and
 * the dated change (a version valid from the effective day, roll-up events moved with it).
 */

import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { compareVietnamese } from "../../domain/format/text.ts";
import {
  checkEffectiveDay,
  type Hierarchy,
  makeHierarchy,
  vietnamDay,
} from "../../domain/organisation/index.ts";
import { syncVersionsInRollups } from "../congresses/index.ts";
import { type AppError, errors } from "../errors.ts";

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
export function auditView(o: repo.OrgRecord) {
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
export async function datedChange(
  tx: Db,
  orgIds: readonly number[],
  name: string,
  day: IsoDate,
  write: () => Promise<void>,
): Promise<Result<void, AppError>> {
  const latest = await histRepo.latestChangeDay(tx, orgIds);
  const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: latest, name });
  if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
  const before = await histRepo.listSegments(tx, orgIds);
  await write();
  await histRepo.snapshotVersions(tx, orgIds, day);
  await syncVersionsInRollups(tx, before, await histRepo.listSegments(tx, orgIds));
  return ok(undefined);
}

/** The parent must exist on the day the change takes effect. */
export async function parentExistsOn(
  tx: Db,
  parent: repo.OrgRecord,
  day: IsoDate,
): Promise<Result<void, AppError>> {
  const seg = await histRepo.findSegmentOn(tx, { kind: "all" }, parent.id, day);
  return seg
    ? ok(undefined)
    : err(
        errors.orgRule("parent_not_existing", `${parent.name} chưa có (hoặc đã giải thể) vào ngày hiệu lực`),
      );
}
