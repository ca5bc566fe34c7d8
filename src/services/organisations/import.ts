/**
 * Importing the organisation tree from a sheet: all-or-nothing, idempotent (codes are the identity).
 */

import { type Actor, type AuditEntryInput, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { formatDate, type IsoDate } from "../../domain/format/date.ts";
import {
  type ImportIssue,
  type NumberedOrgRow,
  planOrgImport,
  searchKey,
  vietnamDay,
} from "../../domain/organisation/index.ts";
import { rebuildAllRollups } from "../congresses/index.ts";
import { auditView, loadHierarchy } from "./common.ts";

export interface ImportSummary {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly villages: number;
  /** Organisations created without a founding day in the file: they count from `foundingDay`. */
  readonly withoutFoundingDay: number;
  /** The import day (what a row without a founding day counts from). */
  readonly foundingDay: IsoDate;
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
    const planned = planOrgImport(rows, stored.orgs, stored.villages, hierarchy, vietnamDay(new Date()));
    if (!planned.ok) return planned;
    const plan = planned.value;
    // A new organisation under a stored one must not be founded before its parent existed.
    for (const c of plan.creates) {
      if (!c.row.foundedOn || !c.row.parentCode || plan.creates.some((x) => x.row.code === c.row.parentCode))
        continue;
      const parent = await repo.findOrgByCode(tx, { kind: "all" }, c.row.parentCode);
      if (parent && !(await histRepo.findSegmentOn(tx, { kind: "all" }, parent.id, c.row.foundedOn)))
        return err([
          {
            rowNumber: c.rowNumber,
            field: "foundedOn" as const,
            rule: "parent_not_existing",
            message: `Đơn vị cấp trên "${c.row.parentCode}" chưa có (hoặc đã kết thúc) vào ngày thành lập ${formatDate(c.row.foundedOn)}`,
          },
        ]);
    }
    const summary: ImportSummary = {
      dryRun: options.dryRun,
      rows: rows.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      villages: plan.villages.length,
      withoutFoundingDay: plan.withoutFoundingDay,
      foundingDay: day,
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
        foundedOn: c.row.foundedOn ?? day,
      };
      byCode.set(rec.code, { id, path: rec.path, depth: rec.depth });
      newOrgs.push(rec);
    }
    const inserted = await repo.insertOrgs(tx, newOrgs);
    // Organisations of a past tree end on their end day (their version closes then).
    const ending = plan.creates.filter((c) => c.row.endedOn);
    for (const c of ending) {
      const o = inserted.find((x) => x.code === c.row.code)!;
      await repo.updateOrgFields(tx, o.id, {
        dissolvedOn: c.row.endedOn!,
        dissolvedReason: "Kết thúc (ngày kết thúc trong tệp nhập)",
      });
      await histRepo.endVersions(tx, [o.id], c.row.endedOn!);
    }
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
      const latest = await histRepo.latestChangeDay(tx, ids);
      if (latest !== null && latest > day)
        throw new Error(`import on ${day} would rewrite versions from ${latest}`); // days are never in the future
      await histRepo.snapshotVersions(tx, ids, day);
    }
    if (plan.creates.length + plan.updates.length > 0) await rebuildAllRollups(tx);
    await appendAudit(tx, actor, audit);
    return ok(summary);
  });
}

// ---------------------------------------------------------------------------------------------
